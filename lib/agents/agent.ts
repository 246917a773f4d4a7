import { createMemory, offerToMemory, type MemoryState } from "@/lib/domain/memory-queue";
import { agentProfile } from "@/lib/domain/prompts/agent-profile";
import type { Operation, RunConfig } from "@/lib/domain/run-config";
import type { InstructionSample, Reflection } from "@/lib/domain/sample";
import type { AgentEvent } from "./events";

/**
 * An agent A = {p, m, r, O} (paper §2.3) as plain, serialisable state: profile p, operations O,
 * memory m (initialised with its seed sample) and reflections r.
 */

/** What a memory entry keeps beside the instruction and code the similarity needs. */
export interface MemorySample {
  language: string;
  tests: string;
}

export interface AgentState {
  id: string;
  language: string;
  profile: string;
  operations: Operation[];
  seedSampleId: string;
  memory: MemoryState<MemorySample>;
  reflections: Reflection[];
  /** discussions taken part in; the first one brings the seed */
  discussions: number;
}

/** Reflections kept per agent; the prompt shows the last `reflectionsInPrompt`. */
const REFLECTIONS_KEPT = 50;

export function agentIdFor(seedSampleId: string): string {
  return `agent:${seedSampleId}`;
}

function candidate(sample: InstructionSample) {
  return { id: sample.id, score: sample.score?.mean ?? 0, instruction: sample.instruction, code: sample.solution, data: { language: sample.language, tests: sample.tests } };
}

export function createAgent(seed: InstructionSample, config: RunConfig): { agent: AgentState; events: AgentEvent[] } {
  const agent: AgentState = {
    id: agentIdFor(seed.id),
    language: seed.language,
    profile: agentProfile(seed.language, config.agents.profile),
    operations: config.agents.operations,
    seedSampleId: seed.id,
    memory: createMemory(config.agents.memory.capacity, [candidate(seed)]),
    reflections: [],
    discussions: 0,
  };
  const events: AgentEvent[] = [
    { type: "agent.created", agentId: agent.id, sampleId: seed.id, language: agent.language, seedSampleId: seed.id, capacity: agent.memory.capacity },
    { type: "memory.inserted", agentId: agent.id, sampleId: seed.id, score: seed.score?.mean ?? 0, nearest: null },
  ];
  return { agent, events };
}

/** Offers a scored sample to the agent's memory; returns the new agent and what happened. */
export function offerSample(agent: AgentState, sample: InstructionSample, config: RunConfig): { agent: AgentState; events: AgentEvent[] } {
  const { threshold, ...similarity } = config.agents.memory.similarity;
  const { memory, outcome } = offerToMemory(agent.memory, candidate(sample), { threshold, similarity });
  const scope = { agentId: agent.id, sampleId: sample.id };
  switch (outcome.kind) {
    case "inserted": {
      const events: AgentEvent[] = [{ type: "memory.inserted", ...scope, score: outcome.entry.score, nearest: outcome.nearest }];
      if (outcome.evicted) events.push({ type: "memory.evicted", agentId: agent.id, sampleId: outcome.evicted.id, score: outcome.evicted.score, evictedBy: sample.id });
      return { agent: { ...agent, memory }, events };
    }
    case "rejected-similar":
      return { agent, events: [{ type: "memory.rejected", ...scope, reason: "similar", nearest: outcome.nearest, threshold: outcome.threshold }] };
    case "rejected-low-score":
      return { agent, events: [{ type: "memory.rejected", ...scope, reason: "low-score", lowestScore: outcome.lowest.score }] };
  }
}

export function addReflection(agent: AgentState, reflection: Reflection): AgentState {
  return { ...agent, reflections: [...agent.reflections, reflection].slice(-REFLECTIONS_KEPT) };
}
