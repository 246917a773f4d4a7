import { reflectionOutput } from "@/lib/domain/output-schemas";
import { reflectionPrompt } from "@/lib/domain/prompts/score-prompts";
import type { InstructionSample, Reflection } from "@/lib/domain/sample";
import type { SampleScore } from "@/lib/domain/scoring-rubric";
import type { Usage } from "@/lib/llm/usage";
import { throwIfCancelled, type AgentContext } from "./context";
import { stepEvents, type AgentEvent, type EventScope } from "./events";

/**
 * Memory reflection (paper §2.3): after a generation, the scorer's evaluation becomes the
 * agent's written merits and faults, which go into its next prompts.
 */
export async function reflect(
  ctx: AgentContext,
  agent: { id: string; profile: string },
  sample: InstructionSample,
  score: SampleScore,
  scope: EventScope = {},
): Promise<{ reflection: Reflection | null; events: AgentEvent[]; usage: Usage }> {
  const step = `${sample.id}/reflect`;
  const result = await ctx.client.call({ role: "scorer", step, prompt: reflectionPrompt(sample, score, agent.profile), schema: reflectionOutput, signal: ctx.signal });
  throwIfCancelled(ctx, step, result.ok ? undefined : result.failure.kind);
  const s = { agentId: agent.id, ...scope, sampleId: sample.id };
  const events = stepEvents(step, result, s);
  if (!result.ok) return { reflection: null, events, usage: result.usage };
  const reflection: Reflection = { sampleId: sample.id, ...result.value };
  events.push({ type: "reflection.added", ...s, reflection });
  return { reflection, events, usage: result.usage };
}
