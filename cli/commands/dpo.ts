import type { Command } from "commander";
import cliProgress from "cli-progress";
import { openDb } from "@/lib/cli/open-db";
import { dpoSettingsSchema } from "@/lib/pipeline/dpo/dpo-options";
import { dpoRun } from "@/lib/pipeline/dpo/dpo-run";
import { dpoFromModel } from "@/lib/pipeline/dpo/dpo-from-model";
import { vllmServeCommand } from "@/lib/training/sample-queries";
import { AppError } from "@/lib/errors";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { closeDefaultPool } from "@/lib/sandbox";
import { assertStageSucceeded } from "@/lib/pipeline/stage-failed";

/** A stage that completed with errors still exits 0; it says so on stderr. */
function warnIfIncomplete(c: { outcome: string; summary: string | null }) {
  if (c.outcome === "completed_with_errors") process.stderr.write(`completed with errors: ${c.summary}\n`);
}

interface Options {
  run: string;
  model?: string;
  n: string;
  temperature: string;
  maxPairs: string;
  shortest: boolean;
  language?: string[];
  limit?: string;
  cache: boolean;
  progress: boolean;
  fromModel?: string;
  fromJob?: string;
  python: string;
  maxNewTokens: string;
}

/**
 * `xinstruct dpo --run ID --model NAME --n 128`: verifies the run's samples first (resumable, a
 * no-op once done), then samples N answers per verified query and stores chosen/rejected pairs.
 * Ctrl-C stops; running it again continues where it stopped.
 */
export default function register(program: Command): void {
  program
    .command("dpo")
    .description("Verify a run's samples, then build DPO pairs (Ds4) from N sampled answers per query")
    .requiredOption("--run <id>", "the run")
    .option("--model <name>", "model endpoint (run config or Settings); default the run's R-Generator")
    .option("--n <count>", "answers sampled per query", "128")
    .option("--temperature <t>", "sampling temperature", "0.8")
    .option("--max-pairs <k>", "most pairs per query", "4")
    .option("--no-shortest", "do not prefer the shortest passing answer as chosen")
    .option("--language <id...>", "only queries in these languages")
    .option("--limit <count>", "at most this many queries")
    .option("--no-cache", "run every answer, even ones whose program ran before")
    .option("--no-progress", "no progress bar on stderr")
    .option("--from-model <dir>", "sample the answers from this SFT model (its output dir's final/) with `python -m trainer sample`, as the paper builds Ds4")
    .option("--from-job <id>", "sample the final model of this training job where it ran (this host, its SSH host or its Slurm cluster); with --from-model, that model on the job's backend")
    .option("--python <path>", "the interpreter with torch (and vllm or transformers) for --from-model on this host", "python3")
    .option("--max-new-tokens <count>", "longest answer sampled with --from-model", "1024")
    .action(async (opts: Options) => {
      const settings = dpoSettingsSchema.parse({
        model: opts.model, n: Number(opts.n), temperature: Number(opts.temperature), maxPairs: Number(opts.maxPairs),
        preferShortest: opts.shortest, languages: opts.language, limit: opts.limit ? Number(opts.limit) : undefined, fromModel: opts.fromModel, fromJob: opts.fromJob,
      });
      const sampling = opts.fromModel || opts.fromJob;
      const maxNewTokens = Number(opts.maxNewTokens);
      if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1) throw new AppError("invalid:max-new-tokens", `--max-new-tokens must be a positive whole number, not ${opts.maxNewTokens}`);
      const db = await openDb();
      const stop = new AbortController();
      process.on("SIGINT", () => stop.abort());
      const bar = opts.progress ? new cliProgress.SingleBar({ stream: process.stderr, format: "{stage} [{bar}] {value}/{total} · {info}", hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      try {
        bar?.start(1, 0, { stage: "verify", info: "" });
        const verified = await verifyRun(db, opts.run, {
          signal: stop.signal, useCache: opts.cache,
          onProgress: (c) => { bar?.setTotal(Math.max(1, c.total)); bar?.update(c.done, { info: `${c.passed} passed, ${c.failed} failed` }); },
        });
        bar?.stop();
        warnIfIncomplete(verified);
        assertStageSucceeded(verified);
        if (sampling) {
          const what = opts.fromModel ?? `the final model of training job ${opts.fromJob}`;
          const where = opts.fromJob ? "where that job ran" : "on this host";
          process.stderr.write(`[xinstruct] sampling ${settings.n} answers per query from ${what} with python -m trainer sample ${where} (the other way: ${vllmServeCommand(opts.fromModel ?? "<its final/ folder>")}, add it as an endpoint in Settings, then --model sft)\n`);
        }
        bar?.start(1, 0, { stage: sampling ? "sample" : "dpo   ", info: "" });
        const run = sampling
          ? (o: Parameters<typeof dpoRun>[2]) => dpoFromModel(db, opts.run, settings, { ...o, python: opts.python, maxNewTokens, onLine: (l) => { if (!bar) process.stderr.write(`${l}\n`); } })
          : (o: Parameters<typeof dpoRun>[2]) => dpoRun(db, opts.run, { ...settings, ...o });
        const counts = await run({
          signal: stop.signal, useCache: opts.cache,
          onProgress: (c) => { bar?.setTotal(Math.max(1, c.queries)); bar?.update(c.done, { info: `${c.pairs} pairs, ${c.executed} executed, ${c.cacheHits} cached` }); },
        });
        bar?.stop();
        process.stdout.write(`${JSON.stringify({ runId: opts.run, verify: verified, dpo: counts }, null, 2)}\n`);
        warnIfIncomplete(counts);
        assertStageSucceeded(counts);
      } finally {
        bar?.stop();
        await closeDefaultPool();
        await db.$disconnect();
      }
    });
}
