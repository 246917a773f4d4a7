// Queue throughput: claim + complete N no-op jobs with 1 and with 4 worker processes, on
// SQLite and on PostgreSQL (a throwaway cluster). Jobs/s is measured from the first claim to
// the last completion as recorded in the database (process start-up excluded).
//   npm run bench:queue [-- --jobs 10000]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, prepareConnection } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
// @ts-expect-error plain ESM helper without types
import { findPgBin, startPgCluster } from "../../test/pg-cluster.mjs";

const argJobs = process.argv.indexOf("--jobs");
const JOBS = argJobs > 0 ? Number(process.argv[argJobs + 1]) : 10_000;

async function measure(url: string, workers: number): Promise<{ jobsPerSec: number; seconds: number }> {
  await migrate(url);
  const db = createDb(url);
  await prepareConnection(db, url);
  for (let i = 0; i < JOBS; i += 1000) {
    await db.job.createMany({ data: Array.from({ length: Math.min(1000, JOBS - i) }, () => ({ type: "noop", payload: {}, maxAttempts: 1 })) });
  }
  const procs = Array.from({ length: workers }, () => spawnCli(["worker", "--exit-when-idle", "--types", "noop", "--concurrency", "1"], { DATABASE_URL: url, JOB_LEASE_MS: "30000" }));
  const codes = await Promise.all(procs.map((p) => waitForExit(p, 30 * 60_000)));
  if (codes.some((c) => c !== 0)) throw new Error(`worker failed: ${procs.map((p) => p.output()).join("\n")}`);
  const done = await db.job.count({ where: { status: "succeeded" } });
  if (done !== JOBS) throw new Error(`only ${done}/${JOBS} jobs succeeded`);
  const agg = await db.job.aggregate({ _min: { startedAt: true }, _max: { finishedAt: true } });
  const seconds = (agg._max.finishedAt!.getTime() - agg._min.startedAt!.getTime()) / 1000;
  await db.$disconnect();
  return { jobsPerSec: JOBS / seconds, seconds };
}

const rows: string[] = [];
async function bench(label: string, makeUrl: () => Promise<{ url: string; done: () => Promise<void> }>) {
  const results: Record<number, number> = {};
  for (const workers of [1, 4]) {
    const { url, done } = await makeUrl();
    try {
      const r = await measure(url, workers);
      results[workers] = r.jobsPerSec;
      console.error(`${label} ${workers} worker(s): ${r.jobsPerSec.toFixed(0)} jobs/s (${r.seconds.toFixed(1)} s for ${JOBS})`);
    } finally {
      await done();
    }
  }
  rows.push(`| ${label} | ${results[1].toFixed(0)} | ${results[4].toFixed(0)} | ${(results[4] / results[1]).toFixed(2)}× |`);
}

await bench("SQLite", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-bench-q-"));
  return { url: `file:${path.join(dir, "q.db")}`, done: async () => rmSync(dir, { recursive: true, force: true }) };
});
if (findPgBin()) {
  const pg = await startPgCluster();
  let n = 0;
  try {
    await bench("PostgreSQL", async () => ({ url: await pg.createDatabase(`bench_${n++}`), done: async () => {} }));
  } finally {
    await pg.stop();
  }
}
console.log(`\nQueue: claim + complete ${JOBS} no-op jobs (${os.cpus().length} cores)\n`);
console.log("| database | 1 worker (jobs/s) | 4 workers (jobs/s) | 4 vs 1 |\n| --- | --- | --- | --- |");
rows.forEach((r) => console.log(r));
