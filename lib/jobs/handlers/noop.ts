import { defineHandler } from "@/lib/jobs/types";

/** Does nothing: measures the queue's own cost (scripts/bench/queue). */
export const noop = defineHandler("noop", async () => {
  return null;
});
