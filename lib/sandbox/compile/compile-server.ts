import "server-only";
import type { JailSpec, JailSystem } from "@/lib/sandbox/jail/jail-command";
import { JailProcess } from "@/lib/sandbox/jail/jail-process";
import type { ServerReply } from "@/lib/sandbox/languages/language-spec";

/**
 * One warm compiler process in its own sandbox, answering one request at a time over a line
 * protocol: request = tab-separated arguments, reply = "<exit code>\t<base64 output>". A request
 * that passes its wall clock kills the process; the next request starts a fresh one. The process
 * also stops after `idleMs` without work. Its handles never keep the host process alive.
 */
export class CompileServer {
  private proc: JailProcess | null = null;
  private buffer = "";
  private stderrTail = "";
  private waiting: ((line: string | null) => void) | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    /** The uid the server runs as; work directories are handed to it. */
    readonly uid: number | null,
    private readonly spec: () => Promise<JailSpec>,
    private readonly system: JailSystem,
    private readonly idleMs: number,
  ) {}

  async request(args: string[], timeoutMs: number): Promise<ServerReply> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const proc = this.proc ?? (await this.start());
    const reply = new Promise<string | null>((resolve) => (this.waiting = resolve));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void this.stop();
    }, timeoutMs);
    proc.child.stdin.write(`${args.join("\t")}\n`);
    const line = await reply;
    clearTimeout(timer);
    this.idleTimer = setTimeout(() => void this.stop(2000), this.idleMs);
    this.idleTimer.unref();
    if (timedOut) return { exitCode: null, output: `compilation passed its ${Math.round(timeoutMs / 1000)} s limit`, timedOut: true, crashed: false };
    if (line === null) return { exitCode: null, output: `compiler crashed\n${this.stderrTail}`, timedOut: false, crashed: true };
    const tab = line.indexOf("\t");
    return { exitCode: Number(line.slice(0, tab)), output: Buffer.from(line.slice(tab + 1), "base64").toString("utf8"), timedOut: false, crashed: false };
  }

  /**
   * Ends the process, resolving once it has exited: gracefully (end of input, then a kill
   * after `graceMs`) or at once. A graceful exit also lets its CPU time be accounted to this
   * process; the kernel drops the accounting of processes killed with their pid namespace.
   */
  async stop(graceMs = 0): Promise<void> {
    const proc = this.proc;
    this.proc = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.settle(null);
    if (!proc) return;
    // Whoever waits for the exit keeps the host process alive until it has happened.
    proc.child.ref();
    for (const stream of [proc.child.stdout, proc.child.stderr, proc.child.stdio[3]]) (stream as { ref?: () => void } | null)?.ref?.();
    if (graceMs > 0) {
      proc.child.stdin.end();
      const timer = setTimeout(() => proc.kill(), graceMs);
      await proc.exited;
      clearTimeout(timer);
    } else {
      proc.kill();
      await proc.exited;
    }
  }

  private settle(line: string | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(line);
  }

  private async start(): Promise<JailProcess> {
    const proc = new JailProcess(await this.spec(), this.system);
    this.proc = proc;
    this.buffer = "";
    this.stderrTail = "";
    proc.child.stdout.setEncoding("utf8");
    proc.child.stdout.on("data", (chunk: string) => {
      if (this.proc !== proc) return;
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf("\n")) >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        this.settle(line);
      }
    });
    proc.child.stderr.setEncoding("utf8");
    proc.child.stderr.on("data", (chunk: string) => (this.stderrTail = (this.stderrTail + chunk).slice(-8192)));
    void proc.exited.then(() => {
      if (this.proc !== proc) return; // stopped on purpose
      this.proc = null;
      this.settle(null);
    });
    proc.child.unref();
    for (const stream of [proc.child.stdin, proc.child.stdout, proc.child.stderr, proc.child.stdio[3]]) unrefStream(stream);
    return proc;
  }
}

function unrefStream(stream: unknown): void {
  (stream as { unref?: () => void } | null)?.unref?.();
}

/** Up to `size` servers of one kind; a caller gets one to itself for a request. */
export class CompileServerGroup {
  private readonly idle: CompileServer[] = [];
  private readonly all: CompileServer[] = [];
  private readonly waiters: ((server: CompileServer) => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly create: (index: number) => CompileServer,
  ) {}

  async use<T>(work: (server: CompileServer) => Promise<T>): Promise<T> {
    const server = await this.acquire();
    try {
      return await work(server);
    } finally {
      const next = this.waiters.shift();
      if (next) next(server);
      else this.idle.push(server);
    }
  }

  async stopAll(graceMs = 2000): Promise<void> {
    await Promise.all(this.all.map((server) => server.stop(graceMs)));
  }

  private acquire(): Promise<CompileServer> {
    const server = this.idle.pop();
    if (server) return Promise.resolve(server);
    if (this.all.length < this.size) {
      const created = this.create(this.all.length);
      this.all.push(created);
      return Promise.resolve(created);
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
