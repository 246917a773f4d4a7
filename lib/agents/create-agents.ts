import type { RunConfig } from "@/lib/domain/run-config";
import type { InstructionSample } from "@/lib/domain/sample";
import { createAgent, offerSample, type AgentState } from "./agent";
import type { AgentEvent } from "./events";

/**
 * The agents of a run from its seed samples (accepted ones only). By default one agent per
 * seed, the paper's instance-level agents. With `agents.perLanguage` = N, each language gets
 * N agents founded by its N best-scored seeds; the language's other seeds are then offered to
 * those agents' memories in turn (best first), under the usual similarity and capacity rules,
 * so every agent keeps its own memory. Deterministic: the same seeds give the same agents in
 * the same order (the discussion plan depends on it).
 */
export function createAgents(seeds: readonly InstructionSample[], config: RunConfig): { agents: Map<string, AgentState>; events: AgentEvent[] } {
  const accepted = seeds.filter((s) => s.status === "accepted");
  const agents = new Map<string, AgentState>();
  const events: AgentEvent[] = [];
  const perLanguage = config.agents.perLanguage ?? null;
  if (perLanguage === null) {
    for (const seed of accepted) {
      const created = createAgent(seed, config);
      agents.set(created.agent.id, created.agent);
      events.push(...created.events);
    }
    return { agents, events };
  }

  const byLanguage = new Map<string, { seed: InstructionSample; index: number }[]>();
  accepted.forEach((seed, index) => {
    const list = byLanguage.get(seed.language) ?? [];
    list.push({ seed, index });
    byLanguage.set(seed.language, list);
  });
  const founders: { agent: AgentState; index: number }[] = [];
  const offers: { founder: number; seed: InstructionSample }[] = [];
  for (const list of byLanguage.values()) {
    const ranked = [...list].sort((a, b) => (b.seed.score?.mean ?? 0) - (a.seed.score?.mean ?? 0) || a.index - b.index);
    const first = founders.length;
    const count = Math.min(perLanguage, ranked.length);
    for (const { seed, index } of ranked.slice(0, count)) {
      const created = createAgent(seed, config);
      founders.push({ agent: created.agent, index });
      events.push(...created.events);
    }
    ranked.slice(count).forEach(({ seed }, i) => offers.push({ founder: first + (i % count), seed }));
  }
  for (const { founder, seed } of offers) {
    const offered = offerSample(founders[founder].agent, seed, config);
    founders[founder].agent = offered.agent;
    events.push(...offered.events);
  }
  // the agents in seed order, as in the one-per-seed case
  for (const f of [...founders].sort((a, b) => a.index - b.index)) agents.set(f.agent.id, f.agent);
  return { agents, events };
}
