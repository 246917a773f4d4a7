import "server-only";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import type { Readable } from "node:stream";
import { buildJailCommand, type JailSpec, type JailSystem } from "@/lib/sandbox/jail/jail-command";

/**
 * One sandboxed process tree. `kill()` SIGKILLs the sandbox's pid 1 (known from bwrap's info
 * fd): the kernel then kills every process of the pid namespace, setsid/nohup children included,
 * and the outer bwrap reaps it and exits, so nothing is left behind, not even a zombie.
 */
export class JailProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private innerPid: number | null = null;
  private killed = false;

  constructor(spec: JailSpec, system: JailSystem) {
    const { file, args } = buildJailCommand(spec, system);
    // bwrap reads the seccomp program from fd 4 (SECCOMP_FD); the child has its own copy of the fd once spawned.
    const seccomp = system.seccompFile ? openSync(system.seccompFile, "r") : null;
    let spawned;
    try {
      spawned = spawn(file, args, { stdio: ["pipe", "pipe", "pipe", "pipe", seccomp ?? "ignore"], detached: true, env: {} as unknown as NodeJS.ProcessEnv });
    } finally {
      if (seccomp !== null) closeSync(seccomp);
    }
    const child = spawned as unknown as ChildProcessWithoutNullStreams;
    this.child = child;
    const info = child.stdio[3] as Readable;
    let infoText = "";
    info.setEncoding("utf8");
    info.on("data", (chunk: string) => {
      infoText += chunk;
      const match = /"child-pid"\s*:\s*(\d+)/.exec(infoText);
      if (match && this.innerPid === null) {
        this.innerPid = Number(match[1]);
        if (this.killed) this.kill();
      }
    });
    info.on("error", () => {});
    child.stdin.on("error", () => {}); // the program may exit without reading its input
    this.exited = new Promise((resolve) => {
      child.on("error", () => resolve({ code: null, signal: null }));
      child.on("close", (code, signal) => resolve({ code, signal }));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  kill(): void {
    this.killed = true;
    if (this.innerPid !== null) tryKill(this.innerPid);
    // Before bwrap reported its child (or if that did not suffice) kill the outer group too:
    // --die-with-parent then takes the sandbox down.
    const outer = this.child.pid;
    if (outer !== undefined) setTimeout(() => this.child.exitCode === null && this.child.signalCode === null && tryKill(-outer), this.innerPid === null ? 0 : 200).unref();
  }
}

function tryKill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export function spawnJailed(spec: JailSpec, system: JailSystem): JailProcess {
  return new JailProcess(spec, system);
}
