import { defineHandler } from "@/lib/jobs/types";
import { VERIFY_JOB } from "@/lib/pipeline/verify/ids";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { assertStageSucceeded } from "@/lib/pipeline/stage-failed";

/** Stage "verify" of a run: resumable, a retry continues with the samples that have no verdict. */
export const verifyRunJob = defineHandler(VERIFY_JOB, async ({ db, payload, signal, progress }) => {
  const counts = await verifyRun(db, payload.runId, {
    signal,
    onProgress: (c) => void progress(c.done, c.total, `verified ${c.done}/${c.total}: ${c.passed} passed, ${c.failed} failed`).catch(() => {}),
  });
  assertStageSucceeded(counts);
  return { runId: payload.runId, ...counts };
});
