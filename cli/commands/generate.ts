import type { Command } from "commander";
import { readFileSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import { env } from "@/lib/env";
import { openDb } from "@/lib/cli/open-db";
import { createRun } from "@/lib/pipeline/run/create-run";
import { COMPLETED_STATUSES } from "@/lib/pipeline/run/ids";
import { readCorpusPath } from "@/lib/pipeline/run/read-corpus-path";
import { runJobHere } from "@/lib/pipeline/run/run-job-here";
import { pauseRun } from "@/lib/pipeline/run/run-control";
import { writeSamplesJsonl } from "@/lib/pipeline/run/export-samples";
import type { RunCounts } from "@/lib/pipeline/run/run-progress";
import { printRunSummary } from "./runs";

interface Options {
  config: string;
  corpus?: string;
  corpusId?: string;
  name?: string;
  out?: string;
  progress: boolean;
}

export default function register(program: Command): void {
  program
    .command("generate")
    .description("Run a whole generation run headless (seed → discuss) and write its samples")
    .requiredOption("-c, --config <file>", "run config YAML (export one from the UI or `xinstruct runs export-config ID`)")
    .option("--corpus <path>", "code to start from: a folder or file of source code, or a JSONL of {content, language}")
    .option("--corpus-id <id>", "an existing corpus instead of --corpus")
    .option("-n, --name <name>", "run name (default: the config's name)")
    .option("-o, --out <file>", "write the samples as JSONL here")
    .option("--no-progress", "no progress bar on stderr")
    .action(async (opts: Options) => {
      const db = await openDb();
      const yaml = readFileSync(opts.config, "utf8");
      const snippets = opts.corpus ? readCorpusPath(opts.corpus) : null;
      const { run, job } = await createRun(db, {
        name: opts.name,
        yaml,
        corpusId: opts.corpusId,
        snippets: snippets?.snippets,
        snippetsSource: opts.corpus ? path.resolve(opts.corpus) : undefined,
      });
      process.stderr.write(`run ${run.id} "${run.name}" queued${snippets ? ` with ${snippets.snippets.length} snippets from ${opts.corpus}` : ""}\n`);

      const stop = new AbortController();
      let interrupted = false;
      process.on("SIGINT", () => {
        if (interrupted) process.exit(130);
        interrupted = true;
        process.stderr.write("\npausing: stopping in-flight steps (Ctrl-C again to quit at once)\n");
        void pauseRun(db, run.id).catch(() => stop.abort());
      });
      const bar = opts.progress ? new cliProgress.SingleBar({ stream: process.stderr, format: "{stage} [{bar}] {value}/{total} · ds1 {ds1} ds2 {ds2} ds3 {ds3} · kept {accepted} · failed {failed} · {tokens} tokens", hideCursor: true }, cliProgress.Presets.shades_classic) : null;
      bar?.start(1, 0, { stage: "seed", ds1: 0, ds2: 0, ds3: 0, accepted: 0, failed: 0, tokens: 0 });
      const poll = setInterval(async () => {
        const row = await db.run.findUnique({ where: { id: run.id }, select: { counts: true } }).catch(() => null);
        const c = row?.counts as RunCounts | null | undefined;
        if (!c || !bar) return;
        bar.setTotal(Math.max(1, c.total));
        bar.update(c.done, { stage: c.stage.padEnd(7), ...c.samples, failed: c.failedSteps, tokens: c.usage.inputTokens + c.usage.outputTokens });
      }, 300);
      try {
        await runJobHere(db, job!.id, { leaseMs: env().JOB_LEASE_MS, signal: stop.signal, log: (l) => process.stderr.write(`[generate] ${l}\n`) });
      } finally {
        clearInterval(poll);
        bar?.stop();
      }
      const final = await db.run.findUniqueOrThrow({ where: { id: run.id } });
      const completed = COMPLETED_STATUSES.includes(final.status);
      if (opts.out && completed) {
        const n = await writeSamplesJsonl(db, run.id, opts.out);
        process.stderr.write(`wrote ${n} samples to ${opts.out}\n`);
      }
      await printRunSummary(db, run.id);
      if (final.status === "paused") process.stderr.write(`paused: continue with \`xinstruct runs resume ${run.id}\` (and a worker), or cancel it\n`);
      await db.$disconnect();
      // completed with errors: the samples are there (exit 0), the summary above says what failed
      process.exitCode = completed ? 0 : final.status === "paused" ? 130 : 1;
    });
}
