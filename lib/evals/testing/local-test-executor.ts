import "server-only";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pLimit from "p-limit";
import type { Execute, ExecutionItem, ExecutionResult, Language } from "@/lib/evals/types";

/**
 * TEST-ONLY stand-in for the sandbox: runs python3 / node / bash / php programs as plain child
 * processes with a wall-clock timeout. No isolation at all — never use it for model output in
 * the product; the product executes through lib/sandbox (see lib/evals/executor.ts).
 */
const COMMANDS: Partial<Record<Language, { file: string; cmd: (f: string) => [string, string[]] }>> = {
  py: { file: "main.py", cmd: (f) => ["python3", [f]] },
  js: { file: "main.js", cmd: (f) => ["node", [f]] },
  sh: { file: "main.sh", cmd: (f) => ["bash", [f]] },
  php: { file: "main.php", cmd: (f) => ["php", [f]] },
};

export interface LocalExecutorOptions {
  timeoutMs?: number;
  concurrency?: number;
  maxOutputBytes?: number;
}

export function createLocalTestExecutor(opts: LocalExecutorOptions = {}): Execute {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxOutput = opts.maxOutputBytes ?? 1 << 20;
  const slots = opts.concurrency ?? Math.max(1, os.cpus().length);
  const limit = pLimit(slots);
  const execute: Execute = async (items, { signal, onResult } = {}) => {
    const results = new Map<string, ExecutionResult>();
    await Promise.all(
      items.map((item) =>
        limit(async () => {
          const r = signal?.aborted ? cancelled() : await runOne(item, timeoutMs, maxOutput, signal);
          results.set(item.id, r);
          onResult?.(item.id, r);
        }),
      ),
    );
    return results;
  };
  return Object.assign(execute, { slots });
}

function cancelled(): ExecutionResult {
  return { status: "unavailable", exitCode: null, stdout: "", stderr: "cancelled", durationMs: 0 };
}

async function runOne(item: ExecutionItem, timeoutMs: number, maxOutput: number, signal?: AbortSignal): Promise<ExecutionResult> {
  const spec = COMMANDS[item.language];
  if (!spec) return { status: "unavailable", exitCode: null, stdout: "", stderr: `local test executor cannot run ${item.language}`, durationMs: 0 };
  const dir = await mkdtemp(path.join(os.tmpdir(), "xinstruct-eval-"));
  const file = path.join(dir, spec.file);
  await writeFile(file, item.program);
  const [cmd, args] = spec.cmd(file);
  const started = performance.now();
  try {
    return await new Promise<ExecutionResult>((resolve) => {
      const child = spawn(cmd, args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"], signal });
      let stdout = "";
      let stderr = "";
      let overflow = false;
      let timedOut = false;
      const take = (which: "out" | "err") => (chunk: Buffer) => {
        if (stdout.length + stderr.length > maxOutput) {
          overflow = true;
          child.kill("SIGKILL");
          return;
        }
        if (which === "out") stdout += chunk.toString();
        else stderr += chunk.toString();
      };
      child.stdout.on("data", take("out"));
      child.stderr.on("data", take("err"));
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        resolve({ status: "unavailable", exitCode: null, stdout, stderr: stderr + String(e), durationMs: performance.now() - started });
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        const durationMs = performance.now() - started;
        const status = timedOut
          ? "timeout"
          : overflow
            ? "output_limit"
            : code === 0
              ? "ok"
              : item.language === "py" && /^SyntaxError|IndentationError|TabError/m.test(stderr)
                ? "syntax_error"
                : "exception";
        resolve({ status, exitCode: code, stdout, stderr, durationMs });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
