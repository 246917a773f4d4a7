/**
 * Cost of the export's dedup (lib/export/dedup-samples.ts): the same SFT export of a few
 * thousand samples with dedup on and off, on one SQLite database, alternating, in one run.
 * Reports the median time of each and their ratio (dedup on / off), plus what dedup removed.
 *
 *   npm run bench:export-dedup -- [--samples 4000] [--repeats 3]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, prepareConnection } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { exportDataset } from "@/lib/export/export-dataset";
import { sampleFilterSchema } from "@/lib/samples/sample-filter";
import { seedSamples } from "../ui/seed-samples";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const total = Number(arg("samples", "4000"));
  const repeats = Number(arg("repeats", "3"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-export-dedup-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    await migrate(url);
    const db = createDb(url);
    await prepareConnection(db, url);
    await seedSamples(db, total);
    const filter = sampleFilterSchema.parse({ curation: "pending,accepted,rejected,edited" });
    const times: Record<"on" | "off", number[]> = { on: [], off: [] };
    let removed = "";
    for (let r = 0; r < repeats; r++) {
      for (const mode of r % 2 ? (["on", "off"] as const) : (["off", "on"] as const)) {
        const t0 = performance.now();
        const res = await exportDataset(db, { format: "sft", filter, outDir: path.join(dir, `out-${mode}-${r}`), dedup: mode === "on", includeFailing: true });
        times[mode].push((performance.now() - t0) / 1000);
        if (mode === "on") removed = `${res.dedup.removed} of ${res.dedup.checked} removed (exact ${res.dedup.byKind.exact}, near instruction ${res.dedup.byKind["near-instruction"]}, near code ${res.dedup.byKind["near-code"]}), ${res.sft.total} exported`;
      }
    }
    await db.$disconnect();
    const on = median(times.on);
    const off = median(times.off);
    console.log(`export dedup benchmark: ${total} samples, SFT JSONL, SQLite, median of ${repeats}, ${os.cpus().length} CPUs, node ${process.version}`);
    console.log(`  export without dedup (baseline): ${off.toFixed(2)} s`);
    console.log(`  export with dedup:               ${on.toFixed(2)} s = ${(on / off).toFixed(2)}× baseline`);
    console.log(`  dedup: ${removed}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
