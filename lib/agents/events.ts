import type { Neighbour } from "@/lib/domain/memory-queue";
import type { PromptKind } from "@/lib/domain/prompts/prompt-kinds";
import type { ModelRole } from "@/lib/domain/run-config";
import type { InstructionSample, Reflection } from "@/lib/domain/sample";
import type { SampleScore } from "@/lib/domain/scoring-rubric";
import type { CallRecord, StepFailure, StepResult } from "@/lib/llm/model-client";
import type { DiscussionMessage } from "./discussion-messages";

/**
 * What the runtime reports, for the caller to persist as run events and stream: every prompt,
 * every model attempt, every sample, score, reflection, discussion message and memory change.
 * Plain JSON. `step` names a model step stably (e.g. "ds1:snip-3:0/instruction") so a resumed
 * run can tell which steps are done.
 */

export interface EventScope {
  agentId?: string;
  sampleId?: string;
  discussionId?: string;
}

export type AgentEvent = EventScope &
  (
    | { type: "llm.prompt"; step: string; kind: PromptKind; role: ModelRole; system: string; user: string }
    | { type: "llm.call"; step: string; call: CallRecord }
    | { type: "step.failed"; step: string; failure: StepFailure }
    | { type: "sample.created"; sample: InstructionSample }
    | { type: "sample.scored"; score: SampleScore; status: InstructionSample["status"]; filterReason?: string }
    | { type: "reflection.added"; reflection: Reflection }
    | { type: "agent.created"; language: string; seedSampleId: string; capacity: number }
    | { type: "memory.inserted"; score: number; nearest: Neighbour | null }
    | { type: "memory.evicted"; score: number; evictedBy: string }
    | { type: "memory.rejected"; reason: "similar" | "low-score"; nearest?: Neighbour; threshold?: number; lowestScore?: number }
    | { type: "discussion.message"; message: DiscussionMessage }
  );

/** The events of one model step: its prompt, each attempt, and its failure if it failed. */
export function stepEvents(step: string, result: StepResult<unknown>, scope: EventScope): AgentEvent[] {
  const events: AgentEvent[] = [{ type: "llm.prompt", step, kind: result.prompt.kind, role: result.role, system: result.prompt.system, user: result.prompt.user, ...scope }];
  for (const call of result.calls) events.push({ type: "llm.call", step, call, ...scope });
  if (!result.ok) events.push({ type: "step.failed", step, failure: result.failure, ...scope });
  return events;
}
