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

export function applyFinishedDiscussion(agents: Map<string, AgentState>, planned: PlannedDiscussion, done: FinishedDiscussion, config: RunConfig): void {
  const mode = config.discussion.mode;
  let members = planned.memberIds.map((id) => ({ ...agents.get(id)!, discussions: agents.get(id)!.discussions + 1 }));
  if (done.reflection) {
    const authors = new Set(mode === "centralized" ? members.slice(0, 1).map((a) => a.id) : members.map((a) => a.id));
    members = members.map((a) => (authors.has(a.id) ? addReflection(a, done.reflection!) : a));
  }
  if (done.sample?.status === "accepted") members = members.map((a) => offerSample(a, done.sample!, config).agent);
  for (const a of members) agents.set(a.id, a);
}

export function replayAgents(seeds: readonly InstructionSample[], plan: readonly PlannedDiscussion[], finished: ReadonlyMap<string, FinishedDiscussion>, config: RunConfig): Map<string, AgentState> {
  const { agents } = createAgents(seeds, config);
  for (const d of plan) {
    const done = finished.get(d.id);
    if (done) applyFinishedDiscussion(agents, d, done, config);
  }
  return agents;
}
