import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadBenchmarkFile } from "@/lib/pipeline/ingest/benchmarks";
import { buildContaminationIndex } from "@/lib/pipeline/ingest/decontaminate";
import { ingestSource } from "@/lib/pipeline/ingest/ingest-source";
import type { IngestReport } from "@/lib/pipeline/ingest/types";
import { generateCorpus } from "./synthetic-corpus";

export const BENCHMARK_FILES = [
  "HumanEval.jsonl",
  "mbpp/sanitized-mbpp.json",
  ...["py", "java", "cpp", "cs", "ts", "js", "php", "sh"].map((l) => `multipl-e/humaneval-${l}.jsonl`),
];

export interface Recall {
  hit: number;
  of: number;
}

export interface IngestBenchFigures {
  snippets: number;
  jsonlMiB: number;
  benchmarkItems: number;
  baselineS: number;
  indexS: number;
  ingestS: number;
  ingestCpuS: number;
  phases: string[];
  counts: IngestReport["snippets"];
  exact: Recall;
  near: Recall;
  contamination: Recall;
  contaminationRightItem: Recall;
  ngramOnly: Recall;
  unplantedDrops: number;
  missed: string[];
}

/**
 * Writes `total` synthetic snippets (5 % exact copies, 5 % near copies, 1 % benchmark copies)
 * as JSONL, times a baseline (read + JSON.parse + sha256 of the same file) and ingestSource()
 * with decontamination against the benchmark files, and checks what was caught.
 */
export async function measureIngest(total: number, benchmarksDir: string): Promise<IngestBenchFigures> {
  const items = (await Promise.all(BENCHMARK_FILES.map((f) => loadBenchmarkFile(path.join(benchmarksDir, f))))).flat();
  const { records, planted } = generateCorpus(
    { total, exactCopies: Math.round(total * 0.05), nearCopies: Math.round(total * 0.05), contaminations: Math.round(total * 0.01) },
    items,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  const file = path.join(dir, "corpus.jsonl");
  try {
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const jsonlMiB = fs.statSync(file).size / 1024 / 1024;

    let t0 = performance.now();
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      if (line) createHash("sha256").update((JSON.parse(line) as { content: string }).content).digest("hex");
    }
    const baselineS = (performance.now() - t0) / 1000;

    t0 = performance.now();
    const index = buildContaminationIndex(items);
    const indexS = (performance.now() - t0) / 1000;

    t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const phases: string[] = [];
    const result = await ingestSource(file, { contamination: index }, (p) => {
      if (!phases.at(-1)?.startsWith(p.phase)) phases.push(`${p.phase} at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    });
    const ingestS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);

    const dups = new Map(result.report.duplicates.map((d) => [d.path, d]));
    const cont = new Map(result.report.contamination.map((c) => [c.path, c]));
    const recall = <T>(entries: [string, T][], ok: (p: string, v: T) => boolean): Recall => ({ hit: entries.filter(([p, v]) => ok(p, v)).length, of: entries.length });
    const contEntries = [...planted.contaminated.entries()];
    return {
      snippets: records.length,
      jsonlMiB,
      benchmarkItems: items.length,
      baselineS,
      indexS,
      ingestS,
      ingestCpuS: (cpu.user + cpu.system) / 1e6,
      phases,
      counts: result.report.snippets,
      exact: recall([...planted.exact.entries()], (p) => dups.get(p)?.kind === "exact"),
      near: recall([...planted.near.entries()], (p) => dups.has(p)),
      contamination: recall(contEntries, (p) => cont.has(p)),
      contaminationRightItem: recall(contEntries, (p, w) => cont.get(p)?.itemId === w.itemId),
      ngramOnly: recall(contEntries.filter(([, w]) => w.how === "docstring"), (p) => cont.has(p)),
      unplantedDrops:
        result.report.duplicates.filter((d) => !planted.exact.has(d.path) && !planted.near.has(d.path)).length +
        result.report.contamination.filter((c) => !planted.contaminated.has(c.path)).length,
      missed: [
        ...[...planted.exact.keys()].filter((p) => dups.get(p)?.kind !== "exact").map((p) => `exact duplicate ${p}`),
        ...[...planted.near.entries()].filter(([p]) => !dups.has(p)).map(([p, w]) => `near duplicate ${p} (J=${w.similarity.toFixed(2)})`),
        ...contEntries.filter(([p]) => !cont.has(p)).map(([p, w]) => `contamination ${p} (${w.how} of ${w.benchmark} ${w.itemId})`),
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
