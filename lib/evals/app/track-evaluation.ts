import "server-only";
import type { Db } from "@/lib/db/client";
import type { LanguageProgress } from "@/lib/evals/sample-execution";
import type { ScoreRow } from "@/lib/evals/score";
import { scrubSecrets } from "@/lib/secrets/scrub";

export interface TrackOptions {
  signal: AbortSignal;
  /** throttled: at most every 250 ms, and once at the end */
  onProgress?: (p: LanguageProgress[]) => Promise<void> | void;
}

/**
 * Runs the work of a stored evaluation (a native run or an import that executes programs):
 * marks it running, writes its per-language progress (throttled, never holding up the work),
 * then stores the scores and "succeeded", or "failed" / "cancelled" with the error.
 */
export async function trackEvaluation(
  db: Db,
  evaluationId: string,
  opts: TrackOptions,
  work: (onProgress: (p: LanguageProgress[]) => void) => Promise<ScoreRow[]>,
): Promise<ScoreRow[]> {
  await db.evaluation.update({ where: { id: evaluationId }, data: { status: "running", error: null } });
  try {
    let last = 0;
    let pending: LanguageProgress[] | null = null;
    let writing = Promise.resolve();
    const flush = () => {
      if (!pending) return writing;
      const p = pending;
      pending = null;
      writing = writing.then(async () => {
        await db.evaluation.update({ where: { id: evaluationId }, data: { progress: p as object[] } });
        await opts.onProgress?.(p);
      });
      return writing;
    };
    const scores = await work((p) => {
      pending = p;
      if (Date.now() - last > 250) {
        last = Date.now();
        void flush();
      }
    });
    await flush();
    await db.evaluation.update({ where: { id: evaluationId }, data: { status: "succeeded", summary: scores as object[] } });
    return scores;
  } catch (e) {
    await db.evaluation.update({ where: { id: evaluationId }, data: { status: opts.signal.aborted ? "cancelled" : "failed", error: scrubSecrets(e instanceof Error ? e.message : String(e)) } });
    throw e;
  }
}

/** The job event the evaluation page follows (EvaluationLive): per-language progress and totals. */
export function progressEventData(p: LanguageProgress[]) {
  return { languages: p, done: p.reduce((a, x) => a + x.executed, 0), total: p.reduce((a, x) => a + x.total, 0) };
}
