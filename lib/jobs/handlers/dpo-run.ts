import { defineHandler } from "@/lib/jobs/types";
import { dpoFromModel } from "@/lib/pipeline/dpo/dpo-from-model";
import { dpoRun } from "@/lib/pipeline/dpo/dpo-run";
import { DPO_JOB } from "@/lib/pipeline/verify/ids";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { assertStageSucceeded } from "@/lib/pipeline/stage-failed";

/** Stage "dpo" of a run (after "verify" for samples without a verdict): resumable per query (its RunStep), so a retry never redoes a finished query. */
export const dpoRunJob = defineHandler(DPO_JOB, async ({ db, payload, signal, progress }) => {
  const { runId, ...settings } = payload;
  // queries are the samples whose own tests pass: verify whatever is not verified yet (a no-op once done)
  assertStageSucceeded(await verifyRun(db, runId, { signal }));
  const onProgress = (c: { done: number; queries: number; pairs: number }) => void progress(c.done, c.queries, `${c.done}/${c.queries} queries, ${c.pairs} pairs`).catch(() => {});
  const { fromModel, fromJob } = settings;
  const counts = fromModel || fromJob ? await dpoFromModel(db, runId, settings, { signal, onProgress }) : await dpoRun(db, runId, { ...settings, signal, onProgress });
  assertStageSucceeded(counts);
  return { runId, ...counts };
});
