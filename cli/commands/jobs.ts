import type { Command } from "commander";
import { openDb } from "@/lib/cli/open-db";
import { cancelJob, listJobs } from "@/lib/jobs/queue";
import { enqueueJobByName } from "@/lib/jobs/enqueue";
import { jobTypes } from "@/lib/jobs/contracts";

export default function register(program: Command): void {
  const jobs = program.command("jobs").description("The job queue");
  jobs
    .command("list")
    .description("List recent jobs")
    .option("-s, --status <status>", "queued | running | succeeded | failed | cancelled")
    .option("-n, --limit <n>", "how many", (v) => Number.parseInt(v, 10), 20)
    .option("--json", "print JSON lines")
    .action(async (opts: { status?: string; limit: number; json?: boolean }) => {
      const db = await openDb();
      const rows = await listJobs(db, { status: opts.status, limit: opts.limit });
      if (opts.json) rows.forEach((r) => console.log(JSON.stringify(r)));
      else {
        console.log(["ID".padEnd(26), "TYPE".padEnd(18), "STATUS".padEnd(10), "ATTEMPTS", "CREATED".padEnd(24), "ERROR"].join(" "));
        for (const r of rows) {
          console.log([r.id.padEnd(26), r.type.padEnd(18), r.status.padEnd(10), `${r.attempts}/${r.maxAttempts}`.padEnd(8), r.createdAt.toISOString().padEnd(24), r.lastError ?? ""].join(" "));
        }
        if (rows.length === 0) console.log("(no jobs)");
      }
      await db.$disconnect();
    });
  jobs
    .command("enqueue <type> [payload]")
    .description(`Queue a job; payload is JSON. Types: ${jobTypes().join(", ")}`)
    .action(async (type: string, payload?: string) => {
      const db = await openDb();
      const job = await enqueueJobByName(db, type, payload ? JSON.parse(payload) : {});
      console.log(job.id);
      await db.$disconnect();
    });
  jobs
    .command("cancel <id>")
    .description("Cancel a queued or running job")
    .action(async (id: string) => {
      const db = await openDb();
      const job = await cancelJob(db, id);
      console.log(`${job.id} ${job.status}`);
      await db.$disconnect();
    });
}
