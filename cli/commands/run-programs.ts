import { SingleBar, Presets } from "cli-progress";
import type { Command } from "commander";
import { AppError } from "@/lib/errors";
import { SandboxPool } from "@/lib/sandbox/pool";
import { runProgramsFile } from "@/lib/sandbox/run-programs-file";

interface Options {
  out: string;
  concurrency?: string;
  timeout?: string;
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new AppError("invalid:argument", `${flag} must be a positive number, got "${value}".`);
  return n;
}

/** `xinstruct run-programs INPUT.jsonl --out OUTPUT.jsonl [--concurrency N] [--timeout S]` */
export async function runProgramsCommand(input: string, options: Options): Promise<void> {
  const concurrency = positive(options.concurrency, "--concurrency");
  const timeoutS = positive(options.timeout, "--timeout");
  const pool = new SandboxPool(concurrency ? { size: Math.floor(concurrency) } : {});
  const controller = new AbortController();
  const onSignal = () => controller.abort(new AppError("cancelled:run", "Interrupted."));
  process.once("SIGINT", onSignal);
  const bar = new SingleBar({ stream: process.stderr, format: "running {bar} {value}/{total} programs | {eta_formatted} left", hideCursor: true }, Presets.shades_classic);
  try {
    const summary = await runProgramsFile(input, options.out, {
      pool,
      concurrency,
      timeoutS,
      signal: controller.signal,
      onMalformed: (line, message) => process.stderr.write(`${input}:${line}: skipped malformed line: ${message}\n`),
      onStart: (total) => bar.start(total, 0),
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    bar.stop();
    process.off("SIGINT", onSignal);
    await pool.close();
  }
}

export default function register(program: Command): void {
  program
    .command("run-programs")
    .description("Run programs (full sources or MultiPL-E prompt + completion + tests) in the sandbox")
    .argument("<input>", "JSONL: {name, language, program} or {name, language, prompt, completion, tests, stop_tokens?}")
    .requiredOption("--out <file>", "JSONL results: name, language, status, exit_code, stdout, stderr, duration_ms")
    .option("--concurrency <n>", "programs at once (default: one per core)")
    .option("--timeout <seconds>", "wall and CPU limit per program (default: per language, 15 s / 5 s)")
    .action(runProgramsCommand);
}
