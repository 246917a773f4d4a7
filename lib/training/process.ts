import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { childProcessEnv } from "@/lib/env";

/**
 * Child processes for the backends: line-streamed output, or captured output with a timeout.
 * Without an explicit env they get the allow-listed one (childProcessEnv), never the app's secrets.
 */

export interface SpawnedLines {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnLines(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; detached?: boolean; onLine: (line: string) => void }): SpawnedLines {
  const child = spawn(argv[0], argv.slice(1), { cwd: opts.cwd, env: opts.env ?? childProcessEnv(), detached: opts.detached, stdio: ["ignore", "pipe", "pipe"] });
  const split = () => {
    let partial = "";
    return {
      data(d: Buffer) {
        const parts = (partial + d.toString("utf8")).split(/\r?\n/);
        partial = parts.pop() ?? "";
        parts.forEach(opts.onLine);
      },
      end() {
        if (partial) opts.onLine(partial);
        partial = "";
      },
    };
  };
  const out = split();
  const err = split();
  child.stdout!.on("data", out.data);
  child.stderr!.on("data", err.data);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("error", (e) => { opts.onLine(`[xinstruct] could not start ${argv[0]}: ${e.message}`); resolve({ code: 127, signal: null }); });
    child.on("close", (code, signal) => { out.end(); err.end(); resolve({ code, signal }); });
  });
  return { child, done };
}

export interface Captured {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function capture(argv: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Captured> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { cwd: opts.cwd, env: opts.env ?? childProcessEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 60_000);
    child.on("error", (e) => { clearTimeout(timer); resolve({ code: 127, stdout, stderr: `${stderr}${e.message}` }); });
    child.on("close", (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}
