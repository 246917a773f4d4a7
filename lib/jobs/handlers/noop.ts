import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";

/** Does nothing: measures the queue's own cost (scripts/bench/queue). */
export const noop = defineJob({
  name: "noop",
  description: "Does nothing (queue benchmark)",
  payload: z.object({}).passthrough(),
  maxAttempts: 1,
  backoffBaseMs: 100,
  timeoutMs: 60_000,
  async handle() {
    return null;
  },
});
