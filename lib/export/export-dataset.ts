import "server-only";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { iterateSamples, type FullSample } from "@/lib/samples/iterate-samples";
import type { SampleFilter } from "@/lib/samples/sample-filter";
import { ALPACA_FEATURES, DPO_FEATURES, SFT_FEATURES, renderDatasetCard, type CardConfig } from "./dataset-card";
import { failsOwnTests } from "@/lib/pipeline/verify/verdicts";
import { noDecontamination } from "./decontamination";
import { dedupExportSamples, dedupOff, type DedupItem } from "./dedup-samples";
import { llamaFactoryDatasetInfo } from "./llamafactory";
import { alpacaRecord, dpoRecord, sftRecord, type ExportPair } from "./records";
import type { ExportCounts, ExportFilter, ExportFormat, ExportResult, ExportedFile, FailingTestsCount } from "./types";
import { JsonlWriter, SftParquetWriter } from "./write-files";

export interface ExportOptions {
  format: ExportFormat;
  /** Which samples. Without a curation state: accepted and edited ones. Pairs follow runId and language. */
  filter: SampleFilter;
  /** A new or empty folder. */
  outDir: string;
  /** Runs before anything is written; the default keeps everything and says so in the card. */
  decontaminate?: ExportFilter;
  /** Also export samples whose own tests fail in stage "verify" (default: left out, and counted in the card). */
  includeFailing?: boolean;
  /** Drop exact and near-duplicate samples (dedup-samples.ts) before decontamination (default true). */
  dedup?: boolean;
  /** Wrap bare code responses in a Markdown code fence (default true). */
  fence?: boolean;
  /** Only these of the samples the filter selects (an ablation variant's subset). */
  sampleIds?: ReadonlySet<string>;
  /** Dataset name (card title, LLaMA-Factory dataset keys). */
  name?: string;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_EXPORT_CURATION = ["accepted", "edited"] as const;
const SHARD = "train-00000-of-00001";

/** Writes the selected samples (and DPO pairs) as a Hugging Face style dataset folder. */
export async function exportDataset(db: Db, opts: ExportOptions): Promise<ExportResult> {
  const filter: SampleFilter = { ...opts.filter, curation: opts.filter.curation ?? [...DEFAULT_EXPORT_CURATION] };
  const fence = opts.fence ?? true;
  const wantSamples = opts.format !== "dpo";
  const wantPairs = opts.format === "dpo" || opts.format === "llamafactory";
  await prepareDir(opts.outDir);

  // Pass 1: the texts, for decontamination (which needs to see them all at once).
  let items: { id: string; text: string }[] = [];
  const texts: DedupItem[] = [];
  const failingTests: FailingTestsCount = { included: opts.includeFailing ?? false, count: 0, perVerdict: {} };
  if (wantSamples) {
    for await (const b of iterateSamples(db, filter, 1000, opts.sampleIds)) {
      for (const s of b) {
        if (failsOwnTests(s.verdict)) {
          failingTests.count++;
          failingTests.perVerdict[s.verdict!] = (failingTests.perVerdict[s.verdict!] ?? 0) + 1;
          if (!failingTests.included) continue;
        }
        texts.push({ id: s.id, language: s.language, instruction: s.instruction, code: s.solution });
      }
    }
  }
  const sampleCount = texts.length;
  // exact, then near duplicates (instruction or code ≥ 0.7 Jaccard), before decontamination
  const deduped = opts.dedup === false ? null : dedupExportSamples(texts);
  const dedup = deduped?.report ?? dedupOff(sampleCount);
  const unique = deduped ? new Set(deduped.kept) : null;
  items = texts.filter((t) => !unique || unique.has(t.id)).map((t) => ({ id: t.id, text: `${t.instruction}\n${t.code}` }));
  texts.length = 0;
  const pairs = wantPairs ? await loadPairs(db, filter) : [];
  for (const p of pairs) items.push({ id: p.id, text: `${p.prompt}\n${p.chosen}\n${p.rejected}` });
  if (wantSamples && sampleCount === 0) {
    const failing = failingTests.count ? ` ${failingTests.count} matching sample(s) fail their own tests and were left out (include them to export them).` : "";
    throw new AppError("invalid:export", `No samples match the selection (curation: ${filter.curation!.join(", ")}); nothing was exported.${failing}`);
  }
  if (opts.format === "dpo" && pairs.length === 0) throw new AppError("invalid:export", "There are no preference pairs (Ds4) in the selection; nothing was exported.");
  const decontaminate = opts.decontaminate ?? noDecontamination;
  const { kept, report } = await decontaminate(items);
  const keep = new Set(kept);
  items.length = 0;

  const files: ExportedFile[] = [];
  const configs: CardConfig[] = [];
  const sft = emptyCounts();
  const dpo = emptyCounts();
  const total = keep.size;
  const runIds = new Set<string>();
  let done = 0;
  const rel = (...p: string[]) => p.join("/");
  const abs = (p: string) => path.join(opts.outDir, ...p.split("/"));

  if (wantSamples) {
    const sub = opts.format === "llamafactory" ? "data/sft" : "data";
    await mkdir(abs(sub), { recursive: true });
    const file = rel(sub, `${SHARD}.${opts.format === "parquet" ? "parquet" : "jsonl"}`);
    const out = opts.format === "parquet" ? new SftParquetWriter(abs(file)) : await JsonlWriter.create(abs(file));
    for await (const batch of iterateSamples(db, filter, 1000, keep)) {
      batch.forEach((s) => (count(sft, s.language, s.part), runIds.add(s.runId)));
      if (out instanceof SftParquetWriter) await out.write(batch.map((s) => sftRecord(s, { fence })));
      else await out.write(batch.map((s: FullSample) => (opts.format === "alpaca" ? alpacaRecord(s, { fence }) : sftRecord(s, { fence }))));
      opts.onProgress?.((done += batch.length), total);
    }
    await out.close();
    files.push(await fileInfo(opts.outDir, file, out.rows));
    configs.push({ name: opts.format === "llamafactory" ? "sft" : "default", path: rel(sub, `train-*.${opts.format === "parquet" ? "parquet" : "jsonl"}`), features: opts.format === "alpaca" ? ALPACA_FEATURES : SFT_FEATURES, examples: out.rows, bytes: files.at(-1)!.bytes });
  }
  const keptPairs = pairs.filter((p) => keep.has(p.id));
  if (wantPairs && keptPairs.length) {
    const sub = opts.format === "llamafactory" ? "data/dpo" : "data";
    await mkdir(abs(sub), { recursive: true });
    const file = rel(sub, `${SHARD}.jsonl`);
    const out = await JsonlWriter.create(abs(file));
    for (let i = 0; i < keptPairs.length; i += 1000) {
      const batch = keptPairs.slice(i, i + 1000);
      batch.forEach((p) => (count(dpo, p.language, "ds4"), runIds.add(p.runId)));
      await out.write(batch.map((p) => dpoRecord(p, { fence })));
      opts.onProgress?.((done += batch.length), total);
    }
    await out.close();
    files.push(await fileInfo(opts.outDir, file, out.rows));
    configs.push({ name: opts.format === "llamafactory" ? "dpo" : "default", path: rel(sub, "train-*.jsonl"), features: DPO_FEATURES, examples: out.rows, bytes: files.at(-1)!.bytes });
  }

  const name = opts.name ?? "xinstruct";
  if (opts.format === "llamafactory") {
    const info = llamaFactoryDatasetInfo(name.replace(/[^A-Za-z0-9_]+/g, "_"), { sft: files.find((f) => f.path.startsWith("data/sft/"))?.path, dpo: files.find((f) => f.path.startsWith("data/dpo/"))?.path });
    await writeFile(abs("dataset_info.json"), `${JSON.stringify(info, null, 2)}\n`);
    files.push(await fileInfo(opts.outDir, "dataset_info.json", Object.keys(info).length));
  }
  const checked = sampleCount - dedup.removed + pairs.length;
  const decon = { configured: decontaminate !== noDecontamination, checked, removed: checked - keep.size, report };
  const runs = await db.run.findMany({ where: { id: { in: [...runIds] } }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, config: true } });
  const card = renderDatasetCard({ title: name, format: opts.format, createdAt: new Date(), configs, sft, dpo, filter, runs, decontamination: decon, dedup: wantSamples ? dedup : undefined, failingTests: wantSamples ? failingTests : undefined, fence });
  await writeFile(abs("README.md"), card);
  files.push(await fileInfo(opts.outDir, "README.md", 0));
  return { dir: opts.outDir, format: opts.format, files, sft, dpo, dedup, decontamination: decon, failingTests };
}

async function prepareDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length > 0) throw new AppError("conflict:export_dir", `${dir} is not empty; export into a new or empty folder.`);
}

async function loadPairs(db: Db, filter: SampleFilter): Promise<ExportPair[]> {
  return db.dpoPair.findMany({
    where: { ...(filter.runId ? { runId: filter.runId } : {}), ...(filter.language ? { language: { in: filter.language } } : {}) },
    orderBy: { id: "asc" },
    select: { id: true, runId: true, language: true, prompt: true, chosen: true, rejected: true },
  });
}

function emptyCounts(): ExportCounts {
  return { total: 0, perLanguage: {}, perPart: {} };
}
function count(c: ExportCounts, language: string, part: string) {
  c.total++;
  c.perLanguage[language] = (c.perLanguage[language] ?? 0) + 1;
  c.perPart[part] = (c.perPart[part] ?? 0) + 1;
}
async function fileInfo(dir: string, rel: string, rows: number): Promise<ExportedFile> {
  return { path: rel, rows, bytes: (await stat(path.join(dir, ...rel.split("/")))).size };
}
