import type { Command } from "commander";
import path from "node:path";
import { SingleBar, Presets } from "cli-progress";
import { openDb } from "@/lib/cli/open-db";
import { AppError } from "@/lib/errors";
import { exportDataset } from "@/lib/export/export-dataset";
import { benchmarkDecontamination } from "@/lib/export/benchmark-decontamination";
import { env } from "@/lib/env";
import { EXPORT_FORMATS, type ExportFormat } from "@/lib/export/types";
import { resolveRun } from "@/lib/samples/resolve-run";
import { filterFromPairs } from "@/lib/samples/sample-filter";

interface Opts { run?: string; all?: boolean; format: string; filter: string[]; out: string; fence: boolean; name?: string; benchmark: string[]; includeFailing?: boolean; dedup: boolean }

export default function register(program: Command): void {
  program
    .command("export")
    .description("Export curated samples as a Hugging Face style dataset (SFT JSONL, Alpaca, Parquet, DPO pairs, LLaMA-Factory)")
    .option("--run <id|name>", "samples of one run")
    .option("--all", "samples of every run")
    .option("-f, --format <format>", EXPORT_FORMATS.join(" | "), "sft")
    .option("--filter <key=value>", "narrow the selection (runId, language, part, curation, verdict, minScore, maxScore, q, filtered); repeatable. Default curation: accepted,edited; curation=all for every state", (v: string, prev: string[]) => [...prev, v], [])
    .option("--include-failing", "also export samples whose own tests fail in stage verify (left out by default)")
    .option("--no-dedup", "keep exact and near-duplicate samples (by default dropped: same text, or instruction or code with MinHash Jaccard ≥ 0.7)")
    .option("--no-fence", "keep responses as plain code instead of a Markdown code fence")
    .option("--name <name>", "dataset name in the card and dataset_info.json")
    .option("--benchmark <path>", "benchmark file or folder to decontaminate against (repeatable; default: BENCHMARKS_DIR)", (v: string, prev: string[]) => [...prev, v], [])
    .requiredOption("-o, --out <dir>", "a new or empty folder")
    .action(async (opts: Opts) => {
      if (!!opts.run === !!opts.all) throw new AppError("invalid:arguments", "Give either --run ID or --all.");
      if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new AppError("invalid:arguments", `--format must be one of ${EXPORT_FORMATS.join(", ")}.`);
      const db = await openDb();
      try {
        const run = opts.run ? await resolveRun(db, opts.run) : null;
        const filter = filterFromPairs(opts.filter, run ? { runId: run.id } : {});
        const bar = new SingleBar({ format: "export [{bar}] {value}/{total}", stream: process.stderr, hideCursor: true }, Presets.shades_classic);
        let started = false;
        const result = await exportDataset(db, {
          format: opts.format as ExportFormat,
          filter,
          outDir: path.resolve(opts.out),
          fence: opts.fence,
          includeFailing: opts.includeFailing ?? false,
          dedup: opts.dedup,
          decontaminate: await benchmarkDecontamination(opts.benchmark?.length ? opts.benchmark : [env().benchmarksDir]),
          name: opts.name ?? run?.name,
          onProgress: (done, total) => (started ? bar.update(done) : (bar.start(total, done), (started = true))),
        });
        if (started) bar.stop();
        for (const f of result.files) console.log(`${path.join(result.dir, f.path)}\t${f.rows} rows\t${f.bytes} bytes`);
        const failing = result.failingTests.count ? `, failing own tests: ${result.failingTests.count} ${result.failingTests.included ? "included" : "excluded (--include-failing to keep them)"}` : "";
        const d = result.dedup;
        const dedup = d.enabled ? `${d.removed} duplicate(s) removed of ${d.checked} (exact ${d.byKind.exact}, near instruction ${d.byKind["near-instruction"]}, near code ${d.byKind["near-code"]})` : "off";
        console.log(`samples: ${result.sft.total}, dpo pairs: ${result.dpo.total}${failing}, dedup: ${dedup}, decontamination: ${result.decontamination.configured ? `${result.decontamination.removed} removed of ${result.decontamination.checked}` : "not configured"}`);
      } finally {
        await db.$disconnect();
      }
    });
}
