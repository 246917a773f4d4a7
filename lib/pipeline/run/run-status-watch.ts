import "server-only";
import type { Db } from "@/lib/db/client";

/**
 * Pause and cancel reach a running worker through the run's status: it is polled, and the
 * run's abort controller fires when the status leaves "running". In-flight steps are then
 * cancelled and not recorded; what was recorded stays. A run that another of its shard jobs
 * finished (succeeded, failed) stops this one too, with nothing of its own to report.
 */
export function watchRunStatus(db: Db, runId: string, stop: AbortController, everyMs: number) {
  let requested: "paused" | "cancelled" | "finished" | null = null;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || stop.signal.aborted) return;
    busy = true;
    try {
      const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
      if (!run || run.status === "cancelled") requested = "cancelled";
      // another of the run's shard jobs ended it: nothing is left to do here
      else if (run.status === "succeeded" || run.status === "failed") requested = "finished";
      else if (run.status !== "running") requested = "paused";
      if (requested) stop.abort(new Error(`run ${requested}`));
    } catch {
      // a transient database error: the next tick asks again
    } finally {
      busy = false;
    }
  }, everyMs);
  timer.unref?.();
  return {
    requested: () => requested,
    dispose: () => clearInterval(timer),
  };
}
