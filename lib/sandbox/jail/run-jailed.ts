import "server-only";
import { constants } from "node:os";
import { CappedBuffer } from "@/lib/sandbox/jail/capped-buffer";
import type { JailSpec, JailSystem } from "@/lib/sandbox/jail/jail-command";
import { spawnJailed } from "@/lib/sandbox/jail/jail-process";

export interface RunJailedOptions {
  wallMs: number;
  /** stdout + stderr bytes after which the run is killed. */
  outputBytes: number;
  /** Bytes of each stream kept. */
  captureBytes: number;
  stdin?: string;
  signal?: AbortSignal;
}

export interface JailRun {
  /** bwrap reports a child killed by signal N as exit code 128 + N. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  wallExceeded: boolean;
  outputExceeded: boolean;
  aborted: boolean;
  durationMs: number;
}

/** Runs one command in a fresh sandbox with a wall clock, an output cap and cancellation. */
export async function runJailed(spec: JailSpec, system: JailSystem, options: RunJailedOptions): Promise<JailRun> {
  const started = performance.now();
  const proc = spawnJailed(spec, system);
  const out = new CappedBuffer(options.captureBytes);
  const err = new CappedBuffer(options.captureBytes);
  let wallExceeded = false;
  let outputExceeded = false;
  let aborted = false;

  const onOutput = (buffer: CappedBuffer) => (chunk: Buffer) => {
    buffer.push(chunk);
    if (!outputExceeded && out.total + err.total > options.outputBytes) {
      outputExceeded = true;
      proc.kill();
    }
  };
  proc.child.stdout.on("data", onOutput(out));
  proc.child.stderr.on("data", onOutput(err));
  proc.child.stdin.end(options.stdin ?? "");

  const timer = setTimeout(() => {
    wallExceeded = true;
    proc.kill();
  }, options.wallMs);
  const onAbort = () => {
    aborted = true;
    proc.kill();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener("abort", onAbort, { once: true });

  const { code, signal } = await proc.exited;
  clearTimeout(timer);
  options.signal?.removeEventListener("abort", onAbort);
  const exitCode = code ?? (signal ? 128 + signalNumber(signal) : null);
  return {
    exitCode,
    stdout: out.text(),
    stderr: err.text(),
    wallExceeded,
    outputExceeded,
    aborted,
    durationMs: Math.round(performance.now() - started),
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  return constants.signals[signal] ?? 0;
}
