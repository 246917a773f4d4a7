import { defineHandler } from "@/lib/jobs/types";
import { env } from "@/lib/env";
import { generationRunContract } from "@/lib/jobs/contracts/runs";
import { classifyFailure } from "@/lib/jobs/errors";
import { executeRun } from "@/lib/pipeline/run/execute-run";
import { finishRun } from "@/lib/pipeline/run/finish-run";
import { GENERATION_JOB } from "@/lib/pipeline/run/ids";
import { describeProgress } from "@/lib/pipeline/run/run-progress";
import { LeaseLostError } from "@/lib/pipeline/run/step-committer";

const MAX_ATTEMPTS = generationRunContract.maxAttempts;

/**
 * Runs (or continues) a generation run: the payload is the run id; the run's ledger says what
 * is left. A worker killed mid-run leaves its lease to expire; the next attempt resumes. The run
 * is marked failed only when retrying cannot help or the attempts are spent.
 */
export const generationRun = defineHandler(GENERATION_JOB, async ({ db, payload, signal, jobId, attempt, progress }) => {
  let reported = 0;
  try {
    const outcome = await executeRun({
      db,
      runId: payload.runId,
      signal,
      fence: { jobId, attempt },
      // a shard that dies leaves its seed tasks and discussions to the others after this long
      claimLeaseMs: env().JOB_LEASE_MS,
      onProgress: (c) => {
        if (Date.now() - reported < 1_000 && c.stage !== "done") return;
        reported = Date.now();
        void progress(c.done, c.total, describeProgress(c)).catch(() => {});
      },
    });
    return { runId: payload.runId, status: outcome.status, samples: outcome.counts?.samples ?? null };
  } catch (e) {
    if (!signal.aborted && !(e instanceof LeaseLostError)) {
      const { kind, message } = classifyFailure(e);
      if (kind === "unrecoverable" || attempt >= MAX_ATTEMPTS) await finishRun(db, payload.runId, "failed", { from: ["queued", "running", "paused"], error: message }).catch(() => {});
    }
    throw e;
  }
});
