import "server-only";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { claimJob, hasUnfinishedJobs, releaseJob, type Job } from "@/lib/jobs/queue";
import { runJob } from "@/lib/jobs/run-job";

export interface WorkerOptions {
  db: Db;
  concurrency: number;
  leaseMs: number;
  /** Only these job types (default: every type in lib/jobs/contracts). */
  types?: string[];
  idlePollMs?: number;
  /**
   * Stop once the queue is empty (benchmarks and tests): no job of this worker's types queued
   * (a retry waiting for its backoff counts) or running anywhere (its end may queue a follow-up).
   */
  exitWhenIdle?: boolean;
  log?: (line: string) => void;
  onJobDone?: (job: Job, outcome: string) => void;
}

export interface WorkerHandle {
  id: string;
  /** Stops claiming, waits up to graceMs for running jobs, then releases the rest. */
  stop(graceMs?: number): Promise<void>;
  done: Promise<void>;
}

export function startWorker(opts: WorkerOptions): WorkerHandle {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = opts.log ?? (() => {});
  const stopping = new AbortController();
  const running = new Map<string, { job: Job; abort: AbortController; finished?: Promise<void> }>();
  const idlePoll = opts.idlePollMs ?? 250;

  async function runOne(job: Job): Promise<void> {
    const abort = new AbortController();
    running.set(job.id, { job, abort });
    const outcome = await runJob(job, { db: opts.db, workerId: id, leaseMs: opts.leaseMs, signal: abort.signal, log });
    opts.onJobDone?.(job, outcome);
  }

  async function slot(): Promise<void> {
    let idle = 0;
    while (!stopping.signal.aborted) {
      let job: Job | null = null;
      try {
        job = await claimJob(opts.db, id, opts.leaseMs, opts.types);
      } catch (e) {
        log(`claim failed: ${(e as Error).message}`);
      }
      if (!job) {
        if (opts.exitWhenIdle && !(await hasUnfinishedJobs(opts.db, opts.types).catch(() => true))) return;
        idle = Math.min(idle + 1, 4);
        await delay(idlePoll * idle, stopping.signal);
        continue;
      }
      idle = 0;
      const finished = runOne(job);
      running.get(job.id)!.finished = finished;
      await finished;
      running.delete(job.id);
    }
  }

  const done = Promise.all(Array.from({ length: opts.concurrency }, slot)).then(() => {});
  log(`worker ${id} started with ${opts.concurrency} slot(s)`);

  return {
    id,
    done,
    async stop(graceMs = 10_000) {
      stopping.abort();
      const all = Promise.all([...running.values()].map((r) => r.finished));
      const timedOut = await Promise.race([all.then(() => false), delay(graceMs).then(() => true)]);
      if (timedOut) {
        for (const r of running.values()) {
          await releaseJob(opts.db, r.job).catch(() => {});
          r.abort.abort();
        }
      }
      await Promise.race([done, delay(1000)]);
    },
  };
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => { clearTimeout(t); resolve(); };
    const t = setTimeout(() => { signal?.removeEventListener("abort", onAbort); resolve(); }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
