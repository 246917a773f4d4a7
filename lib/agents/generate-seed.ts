import { instructionOutput, solutionOutput } from "@/lib/domain/output-schemas";
import { ds1InstructionPrompt, ds1ResponsePrompt, ds2InstructionPrompt, ds2ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import type { InstructionSample, Snippet } from "@/lib/domain/sample";
import { addUsage, type Usage } from "@/lib/llm/usage";
import { throwIfCancelled, type AgentContext } from "./context";
import { stepEvents, type AgentEvent } from "./events";
import { scoreSample } from "./score-sample";

/**
 * Seed data from one snippet (paper §2.1). Ds1: the I-Generator writes the instruction, the
 * R-Generator the response. Ds2: the R-Generator writes the response first, the I-Generator
 * the instruction it answers. A failed step yields no sample and a recorded failure.
 */

export type SeedMode = "ds1" | "ds2";

export interface SeedResult {
  sampleId: string;
  sample: InstructionSample | null;
  events: AgentEvent[];
  usage: Usage;
}

export function seedSampleId(snippet: Snippet, mode: SeedMode, index = 0): string {
  return `${mode}:${snippet.id}:${index}`;
}

export async function generateSeed(ctx: AgentContext, snippet: Snippet, mode: SeedMode, index = 0): Promise<SeedResult> {
  const sampleId = seedSampleId(snippet, mode, index);
  const scope = { sampleId };
  const language = snippet.language;
  const events: AgentEvent[] = [];
  const firstStep = `${sampleId}/${mode === "ds1" ? "instruction" : "response"}`;
  const first =
    mode === "ds1"
      ? await ctx.client.call({ role: "iGenerator", step: firstStep, prompt: ds1InstructionPrompt(snippet), schema: instructionOutput, signal: ctx.signal })
      : await ctx.client.call({ role: "rGenerator", step: firstStep, prompt: ds2ResponsePrompt(snippet), schema: solutionOutput, signal: ctx.signal });
  throwIfCancelled(ctx, firstStep, first.ok ? undefined : first.failure.kind);
  events.push(...stepEvents(firstStep, first, scope));
  if (!first.ok) return { sampleId, sample: null, events, usage: first.usage };

  const secondStep = `${sampleId}/${mode === "ds1" ? "response" : "instruction"}`;
  const second =
    mode === "ds1"
      ? await ctx.client.call({ role: "rGenerator", step: secondStep, prompt: ds1ResponsePrompt(language, (first.value as { instruction: string }).instruction), schema: solutionOutput, signal: ctx.signal })
      : await ctx.client.call({ role: "iGenerator", step: secondStep, prompt: ds2InstructionPrompt(language, (first.value as { solution: string }).solution), schema: instructionOutput, signal: ctx.signal });
  throwIfCancelled(ctx, secondStep, second.ok ? undefined : second.failure.kind);
  events.push(...stepEvents(secondStep, second, scope));
  const usage = addUsage(first.usage, second.usage);
  if (!second.ok) return { sampleId, sample: null, events, usage };

  const parts = { ...first.value, ...second.value } as { instruction: string; solution: string; tests: string };
  const sample: InstructionSample = { id: sampleId, dataset: mode, language, instruction: parts.instruction, solution: parts.solution, tests: parts.tests, snippetId: snippet.id, status: "unscored" };
  events.push({ type: "sample.created", ...scope, sample });
  return { sampleId, sample, events, usage };
}

/** generateSeed then scoreSample: the seed stage's unit of work for one (snippet, mode, index). */
export async function seedFromSnippet(ctx: AgentContext, snippet: Snippet, mode: SeedMode, index = 0): Promise<SeedResult> {
  const generated = await generateSeed(ctx, snippet, mode, index);
  if (!generated.sample) return generated;
  const scored = await scoreSample(ctx, generated.sample);
  return { sampleId: generated.sampleId, sample: scored.sample, events: [...generated.events, ...scored.events], usage: addUsage(generated.usage, scored.usage) };
}
