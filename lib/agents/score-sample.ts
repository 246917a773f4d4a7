import { scoreOutput } from "@/lib/domain/output-schemas";
import { scorePrompt } from "@/lib/domain/prompts/score-prompts";
import type { RunConfig } from "@/lib/domain/run-config";
import type { InstructionSample } from "@/lib/domain/sample";
import { filterReason, judge, type Rubric, type SampleScore } from "@/lib/domain/scoring-rubric";
import type { Usage } from "@/lib/llm/usage";
import { throwIfCancelled, type AgentContext } from "./context";
import { stepEvents, type AgentEvent, type EventScope } from "./events";

/**
 * The LLM scorer on a sample: named aspects with justifications; below the threshold the
 * sample is kept but marked filtered, with the reason. A scorer failure leaves it unscored.
 */

export interface ScoreResult {
  sample: InstructionSample;
  score: SampleScore | null;
  events: AgentEvent[];
  usage: Usage;
}

export function rubricOf(config: RunConfig): Rubric {
  return config.scorer;
}

export async function scoreSample(ctx: AgentContext, sample: InstructionSample, scope: EventScope = {}): Promise<ScoreResult> {
  const rubric = rubricOf(ctx.config);
  const step = `${sample.id}/score`;
  const result = await ctx.client.call({ role: "scorer", step, prompt: scorePrompt(sample, rubric), schema: scoreOutput(rubric), signal: ctx.signal });
  throwIfCancelled(ctx, step, result.ok ? undefined : result.failure.kind);
  const s = { ...scope, sampleId: sample.id };
  const events = stepEvents(step, result, s);
  if (!result.ok) return { sample: { ...sample, status: "unscored" }, score: null, events, usage: result.usage };
  // the rubric's order, whatever order the model answered in
  const aspects = rubric.aspects.map((a) => result.value.aspects.find((x) => x.name === a.name)!);
  const score = judge(aspects, result.value.justification, rubric);
  const reason = filterReason(score, rubric) ?? undefined;
  const scored: InstructionSample = { ...sample, score, status: score.passed ? "accepted" : "filtered", filterReason: reason };
  events.push({ type: "sample.scored", ...s, score, status: scored.status, filterReason: reason });
  return { sample: scored, score, events, usage: result.usage };
}
