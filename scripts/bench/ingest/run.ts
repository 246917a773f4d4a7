/**
 * Ingest benchmark: ingest + dedup + decontaminate synthetic snippets with planted duplicates
 * and benchmark copies (see measure.ts); prints wall and CPU time, the ratio to a baseline
 * measured in the same run, and the recall of each planted kind.
 *
 *   npx tsx --conditions=react-server scripts/bench/ingest/run.ts [--snippets 100000] [--benchmarks ../shared/benchmarks]
 */
import os from "node:os";
import path from "node:path";
import { measureIngest, type Recall } from "./measure";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
}

const pct = (r: Recall) => `${r.hit}/${r.of} (${((100 * r.hit) / Math.max(1, r.of)).toFixed(2)} %)`;

async function main() {
  const f = await measureIngest(Number(arg("snippets", "100000")), path.resolve(arg("benchmarks", "../shared/benchmarks")));
  const c = f.counts;
  console.log(`ingest benchmark: ${f.snippets} snippets, ${f.jsonlMiB.toFixed(1)} MiB JSONL, ${f.benchmarkItems} benchmark items, ${os.cpus().length} CPUs, node ${process.version}`);
  console.log(`  baseline (read + JSON.parse + sha256):  ${f.baselineS.toFixed(2)} s`);
  console.log(`  contamination index build:              ${f.indexS.toFixed(2)} s`);
  console.log(`  ingestSource (all stages):              ${f.ingestS.toFixed(2)} s wall = ${(f.ingestS / f.baselineS).toFixed(1)}× baseline (goal < 60 s)`);
  console.log(`  ingestSource CPU time:                  ${f.ingestCpuS.toFixed(2)} s (wall/CPU ${(f.ingestS / f.ingestCpuS).toFixed(2)}; > 1 = waiting on a busy machine, load average ${os.loadavg()[0].toFixed(1)})`);
  console.log(`  phases: ${f.phases.join(", ")}`);
  console.log(`  extracted ${c.extracted}, kept ${c.kept}, exact dups ${c.exactDuplicates}, near dups ${c.nearDuplicates}, contaminated ${c.contaminated}, too short ${c.tooShort}`);
  console.log(`  recall exact duplicates:  ${pct(f.exact)}`);
  console.log(`  recall near duplicates:   ${pct(f.near)} (planted at exact Jaccard ≥ 0.75; threshold 0.7)`);
  console.log(`  recall contamination:     ${pct(f.contamination)} (right benchmark item ${pct(f.contaminationRightItem)}; 10-gram-only plants ${pct(f.ngramOnly)}: 12 prompt words in a comment)`);
  console.log(`  drops of unplanted snippets (false positives): ${f.unplantedDrops}`);
  for (const m of f.missed.slice(0, 10)) console.log(`  missed: ${m}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
