import "server-only";
import { z } from "zod";
import { solutionOutput } from "@/lib/domain/output-schemas";
import { codeBlock } from "@/lib/domain/prompts/format";
import { ds1ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import type { CallRecord, ModelClient, StepFailure } from "@/lib/llm/model-client";

export type WrittenTests = { ok: true; tests: string; calls: CallRecord[] } | { ok: false; failure: StepFailure; calls: CallRecord[] };

// cleaned of a Markdown fence or <think> block like every code field
const testsSchema = z.object({ tests: solutionOutput.shape.tests });

/**
 * Asks the R-Generator for tests of a sample that has none. The prompt is the response prompt
 * (so it states the language's test convention) with the solution fixed; only the tests are kept.
 */
export async function writeTests(client: ModelClient, sample: { id: string; language: string; instruction: string; solution: string }, signal?: AbortSignal): Promise<WrittenTests> {
  const base = ds1ResponsePrompt(sample.language, sample.instruction);
  const prompt = { ...base, user: `${base.user}\n\nThe solution below is fixed: write only the tests for it.\n${codeBlock(sample.language, sample.solution)}` };
  const r = await client.call({ role: "rGenerator", step: `verify:tests:${sample.id}`, prompt, schema: testsSchema, signal });
  return r.ok ? { ok: true, tests: r.value.tests, calls: r.calls } : { ok: false, failure: r.failure, calls: r.calls };
}
