import { z } from "zod";
import { defineJobContract } from "./define";

/** A job that counts through steps with a delay: lets a user (and the e2e test) see the queue, events and progress bar work. */
export const demoProgressContract = defineJobContract({
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
});

/** Does nothing: measures the queue's own cost (scripts/bench/queue). */
export const noopContract = defineJobContract({
  name: "noop",
  description: "Does nothing (queue benchmark)",
  payload: z.object({}).passthrough(),
  maxAttempts: 1,
  backoffBaseMs: 100,
  timeoutMs: 60_000,
});
