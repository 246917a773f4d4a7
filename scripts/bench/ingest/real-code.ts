/**
 * Decontamination false positives and splitting speed on real code that holds no benchmark
 * copies: every snippet flagged here is a false positive. Folders from the command line, by
 * default Debian's Python standard library and two big npm packages of this project.
 *
 *   npx tsx --conditions=react-server scripts/bench/ingest/real-code.ts [DIR ...]
 */
import path from "node:path";
import { loadBenchmarkFile } from "@/lib/pipeline/ingest/benchmarks";
import { buildContaminationIndex } from "@/lib/pipeline/ingest/decontaminate";
import { ingestSource } from "@/lib/pipeline/ingest/ingest-source";
import { BENCHMARK_FILES } from "./measure";

async function main() {
  const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["/usr/lib/python3.11", "node_modules/typescript/lib", "node_modules/next/dist/server"];
  const items = (await Promise.all(BENCHMARK_FILES.map((f) => loadBenchmarkFile(path.join("../shared/benchmarks", f))))).flat();
  const index = buildContaminationIndex(items);
  for (const dir of dirs) {
    const t0 = performance.now();
    const r = await ingestSource(dir, { contamination: index, kind: "folder" });
    const s = r.report.snippets;
    console.log(
      `${dir}: ${((performance.now() - t0) / 1000).toFixed(1)} s, files kept ${r.report.files.kept}/${r.report.files.seen}, ` +
        `snippets ${s.extracted} (exact dups ${s.exactDuplicates}, near dups ${s.nearDuplicates}), flagged as contaminated ${s.contaminated}`,
    );
    for (const c of r.report.contamination.slice(0, 5)) console.log(`   ${c.path}: ${c.kind} ${c.benchmark} ${c.itemId} "${c.evidence.slice(0, 80)}"`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
