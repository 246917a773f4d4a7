import type { Db } from "@/lib/db/client";
import type { RunConfigInput } from "@/lib/domain/run-config";
import { demoSnippets } from "@/lib/agents/test-support";
import type { SnippetInput } from "./store-corpus";

/** Run configs on the scripted demo model, the demo corpus as snippet inputs, and a run's samples as comparable data. */

export function demoRunConfig(overrides: RunConfigInput = {}, scripted: Record<string, unknown> = {}, endpoint: Record<string, unknown> = {}): RunConfigInput {
  return {
    seed: 11,
    targets: { ds3Samples: 24 },
    agents: { memory: { capacity: 3 } },
    ...overrides,
    models: {
      endpoints: [{ name: "demo", provider: "scripted", model: "xinstruct-demo", concurrency: 16, retryBaseDelayMs: 1, retryMaxDelayMs: 4, timeoutMs: 2_000, scripted, ...endpoint }],
      ...overrides.models,
    },
  };
}

// The timeout is far above a scripted answer's latency even on a loaded machine (an answer that
// times out by accident makes the run differ from its in-memory twin), and far below slowMs.
export const FAULTS = { faults: { rateLimit: 0.1, serverError: 0.05, malformed: 0.1, refusal: 0.03, slow: 0.03 }, slowMs: 20_000 };
export const FAULTY_ENDPOINT = { timeoutMs: 1500, maxRetries: 1, structuredRetries: 1, retryBaseDelayMs: 1, retryMaxDelayMs: 2 };

export function demoSnippetInputs(perLanguage = 1): SnippetInput[] {
  return demoSnippets(perLanguage).map((s) => ({ content: s.code, language: s.language, path: `${s.id}.src` }));
}

/** Samples keyed by step, with everything a user reads; ordered, so two runs compare with toEqual. */
export async function storedSamples(db: Db, runId: string) {
  const rows = await db.sample.findMany({ where: { runId }, orderBy: { stepKey: "asc" } });
  return rows.map((s) => ({ step: s.stepKey, part: s.part, language: s.language, instruction: s.instruction, solution: s.solution, tests: s.tests, score: s.score, filtered: s.filtered, filterReason: s.filterReason }));
}
