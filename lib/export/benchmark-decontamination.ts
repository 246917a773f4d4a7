import "server-only";
import { listBenchmarkFiles, contaminationIndexFor } from "@/lib/corpora/benchmarks";
import { decontaminate } from "@/lib/pipeline/ingest";
import { noDecontamination } from "./decontamination";
import type { ExportFilter } from "./types";

/**
 * The corpora issue's filter, applied again before export: every benchmark file under the given
 * paths (folders are searched two levels deep) is indexed, and samples whose instruction or code
 * match a benchmark prompt or solution (substring or word 10-gram) are left out and listed.
 * No benchmark files: the export says decontamination was not configured.
 */
export async function benchmarkDecontamination(paths: readonly string[]): Promise<ExportFilter> {
  const files: string[] = [];
  for (const p of paths) {
    const inDir = await listBenchmarkFiles(p);
    files.push(...(inDir.length ? inDir.map((f) => f.path) : /\.(jsonl|json)$/i.test(p) ? [p] : []));
  }
  if (files.length === 0) return noDecontamination;
  const index = await contaminationIndexFor(files);
  if (!index) return noDecontamination;
  return async (items) => {
    const { kept, removed } = decontaminate(items, index, { text: (i) => i.text });
    return {
      kept: kept.map((k) => k.id),
      report: { status: "checked", benchmarkFiles: files, removed: removed.map((r) => ({ id: r.item.id, match: r.match })) },
    };
  };
}
