import type { Command } from "commander";
import { env } from "@/lib/env";
import { openDb } from "@/lib/cli/open-db";
import { startWorker } from "@/lib/jobs/worker";

export default function register(program: Command): void {
  program
    .command("worker")
    .description("Run a worker that claims and runs queued jobs until stopped (Ctrl-C stops it cleanly)")
    .option("-c, --concurrency <n>", "jobs run at once", (v) => Number.parseInt(v, 10))
    .option("--types <list>", "only these job types (comma-separated)")
    .option("--exit-when-idle", "stop once no job is left")
    .action(async (opts: { concurrency?: number; types?: string; exitWhenIdle?: boolean }) => {
      const e = env();
      const db = await openDb();
      const worker = startWorker({
        db,
        concurrency: opts.concurrency ?? e.WORKER_CONCURRENCY,
        leaseMs: e.JOB_LEASE_MS,
        types: opts.types?.split(",").map((t) => t.trim()),
        exitWhenIdle: opts.exitWhenIdle,
        log: (line) => console.error(`[worker] ${line}`),
      });
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        console.error("[worker] stopping: finishing running jobs (Ctrl-C again to force)");
        process.once("SIGINT", () => process.exit(130));
        await worker.stop(10_000);
        await db.$disconnect();
        process.exit(0);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      await worker.done;
      await db.$disconnect();
    });
}
