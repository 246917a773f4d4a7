import { defineHandler } from "@/lib/jobs/types";
import { UnrecoverableError } from "@/lib/jobs/errors";
import { sleepOrAbort } from "@/lib/domain/sleep";

/** A job that counts through steps with a delay: lets a user (and the e2e test) see the queue, events and progress bar work. */
export const demoProgress = defineHandler("demo.progress", async ({ payload, progress, signal }) => {
  for (let step = 1; step <= payload.steps; step++) {
    if (payload.delayMs) await sleepOrAbort(payload.delayMs, signal);
    signal.throwIfAborted();
    if (payload.failAtStep === step) throw new UnrecoverableError(`demo job asked to fail at step ${step}`);
    await progress(step, payload.steps, `step ${step} of ${payload.steps}`);
  }
  return { steps: payload.steps };
});
