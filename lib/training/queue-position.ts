import "server-only";
import type { Db } from "@/lib/db/client";

/** Where a queued training job stands: what is ahead of it and what the workers are busy with. */
export interface QueuePosition {
  /** queued jobs (any kind) a worker takes before this one */
  ahead: number;
  /** jobs running now, by kind */
  running: { type: string; count: number }[];
  /** a retry waits until then (a failed attempt's backoff) */
  notBefore: string | null;
}

const TRAINING_JOB = "training.run";

/**
 * null when the job is not waiting in the queue (started, ended, or never enqueued). Workers take
 * queued jobs by priority, then by due time (lib/jobs/queue.ts); this counts the same way.
 */
export async function trainingQueuePosition(db: Db, trainingJobId: string): Promise<QueuePosition | null> {
  const queued = await db.job.findMany({ where: { type: TRAINING_JOB, status: "queued" }, select: { id: true, payload: true, priority: true, runAt: true } });
  const mine = queued.find((j) => (j.payload as { trainingJobId?: unknown } | null)?.trainingJobId === trainingJobId);
  if (!mine) return null;
  const now = new Date();
  const [ahead, running] = await Promise.all([
    db.job.count({
      where: {
        status: "queued",
        id: { not: mine.id },
        runAt: { lte: now },
        OR: [{ priority: { gt: mine.priority } }, { priority: mine.priority, runAt: { lt: mine.runAt } }],
      },
    }),
    db.job.groupBy({ by: ["type"], where: { status: "running" }, _count: { _all: true } }),
  ]);
  return {
    ahead,
    running: running.map((r) => ({ type: r.type, count: r._count._all })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    notBefore: mine.runAt > now ? mine.runAt.toISOString() : null,
  };
}
