// Samples UI benchmark, 100 000 samples in SQLite:
//  1. server time of GET /api/samples per page and per filter (p50/p95; goal p95 < 150 ms),
//     as ratios to the cheapest Prisma page of the same database;
//  2. time to first render of /samples in Chromium (first row; Monaco's first text), against
//     the 404 page.
//   npm run bench:ui [-- --samples 100000 --reps 30 --no-browser --db FILE]
// --db keeps the seeded database in FILE and reuses it on the next run (seeding takes minutes).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createDb, prepareConnection } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { waitFor } from "@/lib/testing/spawn-cli";
import { apiTimes } from "./api-times";
import { firstRender } from "./first-render";
import { seedSamples } from "./seed-samples";

const arg = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const SAMPLES = arg("--samples", 100_000);
const REPS = arg("--reps", 30);
const PORT = 3218;

const keep = process.argv.includes("--db") ? path.resolve(process.argv[process.argv.indexOf("--db") + 1]) : null;
const dir = keep ? path.dirname(keep) : mkdtempSync(path.join(os.tmpdir(), "xi-bench-ui-"));
const url = `file:${keep ?? path.join(dir, "xinstruct.db")}`;
const reuse = keep !== null && existsSync(keep);
if (keep) mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = url; // read by the route's db() below (lib/env parses it once)
try {
  await migrate(url);
  const seedDb = createDb(url);
  await prepareConnection(seedDb, url);
  const t0 = performance.now();
  const runs = reuse
    ? (await seedDb.run.findMany({ where: { name: { startsWith: "bench-run-" } }, orderBy: { name: "asc" } })).map((r) => r.id)
    : await seedSamples(seedDb, SAMPLES, (n) => n % 10_000 === 0 && process.stderr.write(`seeded ${n}\n`));
  if (!reuse) await seedDb.$executeRawUnsafe("ANALYZE");
  await seedDb.$disconnect();
  if (!reuse) console.error(`seeded ${SAMPLES} samples in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const api = await apiTimes(runs[1], REPS);
  console.log(`\nGET /api/samples, ${SAMPLES.toLocaleString("en")} samples in SQLite, ${REPS} requests each (${os.cpus().length} cores)\n`);
  console.log(`baseline (Prisma findMany of 100 ids): p50 ${api.baseline.p50.toFixed(1)} ms, p95 ${api.baseline.p95.toFixed(1)} ms\n`);
  console.log("| request | rows | p50 (ms) | p95 (ms) | p50 vs baseline |\n| --- | --- | --- | --- | --- |");
  for (const r of api.rows) console.log(`| ${r.label} | ${r.rows} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.ratio.toFixed(1)}× |`);
  const worst = Math.max(...api.rows.map((r) => r.p95));
  console.log(`\nworst p95: ${worst.toFixed(1)} ms (goal < 150 ms: ${worst < 150 ? "met" : "NOT met"})`);

  if (!process.argv.includes("--no-browser")) {
    const server = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, PORT: String(PORT), DATA_DIR: dir, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.ok, 600_000, 500);
      const fr = await firstRender(`http://127.0.0.1:${PORT}`, 7);
      console.log(`\nFirst render in Chromium (cold browser cache, 7 loads, p50 / p95 ms)\n`);
      console.log("| page | p50 | p95 | p50 vs baseline |\n| --- | --- | --- | --- |");
      console.log(`| 404 page (baseline) | ${fr.baseline.p50.toFixed(0)} | ${fr.baseline.p95.toFixed(0)} | 1.0× |`);
      console.log(`| /samples, first row visible | ${fr.samples.p50.toFixed(0)} | ${fr.samples.p95.toFixed(0)} | ${(fr.samples.p50 / fr.baseline.p50).toFixed(1)}× |`);
      console.log(`| /samples, Monaco shows the solution | ${fr.editor.p50.toFixed(0)} | ${fr.editor.p95.toFixed(0)} | ${(fr.editor.p50 / fr.baseline.p50).toFixed(1)}× |`);
    } finally {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
  }
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
