import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";
import { UnrecoverableError } from "@/lib/jobs/errors";
import { sleepOrAbort } from "@/lib/domain/sleep";

/** A job that counts through steps with a delay: lets a user (and the e2e test) see the queue, events and progress bar work. */
export const demoProgress = defineJob({
  name: "demo.progress",
  description: "Counts through N steps with a delay, reporting progress",
  payload: z.object({
    steps: z.number().int().min(1).max(10_000).default(20),
    delayMs: z.number().int().min(0).max(60_000).default(150),
    failAtStep: z.number().int().min(1).optional(),
  }),
  maxAttempts: 3,
  backoffBaseMs: 1_000,
  timeoutMs: 60 * 60_000,
  async handle({ payload, progress, signal }) {
    for (let step = 1; step <= payload.steps; step++) {
      if (payload.delayMs) await sleepOrAbort(payload.delayMs, signal);
      signal.throwIfAborted();
      if (payload.failAtStep === step) throw new UnrecoverableError(`demo job asked to fail at step ${step}`);
      await progress(step, payload.steps, `step ${step} of ${payload.steps}`);
    }
    return { steps: payload.steps };
  },
});
