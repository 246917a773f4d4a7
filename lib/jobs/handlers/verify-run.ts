import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";
import { VERIFY_JOB } from "@/lib/pipeline/verify/ids";
import { verifyRun } from "@/lib/pipeline/verify/verify-run";
import { assertStageSucceeded } from "@/lib/pipeline/stage-failed";

/** Stage "verify" of a run: resumable, a retry continues with the samples that have no verdict. */
export const verifyRunJob = defineJob({
  name: VERIFY_JOB,
  description: "Verify a run: execute every sample's tests in the sandbox (LLM writes missing tests)",
  payload: z.object({ runId: z.string().min(1) }),
  maxAttempts: 5,
  backoffBaseMs: 2_000,
  timeoutMs: 24 * 3_600_000,
  async handle({ db, payload, signal, progress }) {
    const counts = await verifyRun(db, payload.runId, {
      signal,
      onProgress: (c) => void progress(c.done, c.total, `verified ${c.done}/${c.total}: ${c.passed} passed, ${c.failed} failed`).catch(() => {}),
    });
    assertStageSucceeded(counts);
    return { runId: payload.runId, ...counts };
  },
});
