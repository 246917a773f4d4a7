import { addReflection, offerSample, type AgentState } from "@/lib/agents/agent";
import { createAgents } from "@/lib/agents/create-agents";
import type { PlannedDiscussion } from "@/lib/domain/discussion-protocol";
import type { RunConfig } from "@/lib/domain/run-config";
import type { InstructionSample, Reflection } from "@/lib/domain/sample";

/**
 * Rebuilds the agents of a resumed run from what its ledger holds: the agents its seeds
 * found (createAgents), then every finished discussion applied in plan order exactly as
 * runDiscussion applied it (each member took part; the authors got the reflection; a kept
 * sample was offered to every member's memory). An agent's discussions run in plan order, so this reproduces the
 * state an uninterrupted run had, memory order and tie-breaks included.
 */

export interface FinishedDiscussion {
  sample: InstructionSample | null;
  reflection: Reflection | null;
}

/**
 * What a finished discussion did to one of its members: one more discussion; the reflection when
 * the member wrote the sample (the main agent in centralized mode, every member in parallel
 * mode); a kept sample offered to its memory. Depends on that member's state alone, so an
 * agent's state is its discussions applied in plan order, whichever worker ran each.
 */
export function applyToMember(agent: AgentState, planned: PlannedDiscussion, done: FinishedDiscussion, config: RunConfig): AgentState {
  let a: AgentState = { ...agent, discussions: agent.discussions + 1 };
  if (done.reflection) {
    const author = config.discussion.mode === "centralized" ? planned.memberIds[0] === a.id : true;
    if (author) a = addReflection(a, done.reflection);
  }
  if (done.sample?.status === "accepted") a = offerSample(a, done.sample, config).agent;
  return a;
}

export function applyFinishedDiscussion(agents: Map<string, AgentState>, planned: PlannedDiscussion, done: FinishedDiscussion, config: RunConfig): void {
  for (const id of planned.memberIds) agents.set(id, applyToMember(agents.get(id)!, planned, done, config));
}

export function replayAgents(seeds: readonly InstructionSample[], plan: readonly PlannedDiscussion[], finished: ReadonlyMap<string, FinishedDiscussion>, config: RunConfig): Map<string, AgentState> {
  const { agents } = createAgents(seeds, config);
  for (const d of plan) {
    const done = finished.get(d.id);
    if (done) applyFinishedDiscussion(agents, d, done, config);
  }
  return agents;
}
