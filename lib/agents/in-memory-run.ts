import { planDiscussions } from "@/lib/domain/discussion-protocol";
import type { InstructionSample, Snippet } from "@/lib/domain/sample";
import { addUsage, ZERO_USAGE, type Usage } from "@/lib/llm/usage";
import type { AgentState } from "./agent";
import { cancellable, type AgentContext } from "./context";
import { createAgents } from "./create-agents";
import type { AgentEvent } from "./events";
import { seedFromSnippet, type SeedMode } from "./generate-seed";
import { runDiscussion, type DiscussionResult } from "./run-discussion";
import { mapPool, runDag } from "./schedulers";

/**
 * A whole generation run in memory: seed stage (Ds1/Ds2 per snippet, scored), the agents the
 * accepted seeds found (createAgents), then the planned discussions (Ds3). The reference
 * orchestration of the agent functions; the persistent pipeline does the same with every
 * event stored and resumable.
 * Results do not depend on timing: with the scripted model, config + seed fix the output.
 */

export interface GenerationOptions {
  /** work units in flight; default: twice the largest endpoint concurrency */
  concurrency?: number;
  onEvents?: (events: AgentEvent[]) => void;
}

export interface GenerationResult {
  seeds: InstructionSample[];
  ds3: InstructionSample[];
  discussions: DiscussionResult[];
  agents: AgentState[];
  usage: Usage;
  cancelled: boolean;
}

export function seedTasks(snippets: readonly Snippet[], config: AgentContext["config"]): { snippet: Snippet; mode: SeedMode; index: number }[] {
  const chosen = config.seedData.maxSnippets ? snippets.slice(0, config.seedData.maxSnippets) : snippets;
  return chosen.flatMap((snippet) => config.seedData.modes.flatMap((mode) => Array.from({ length: config.seedData.samplesPerSnippet }, (_, index) => ({ snippet, mode, index }))));
}

export async function runGenerationInMemory(ctx: AgentContext, snippets: readonly Snippet[], options: GenerationOptions = {}): Promise<GenerationResult> {
  const { config, signal } = ctx;
  const concurrency = options.concurrency ?? 2 * Math.max(...config.models.endpoints.map((e) => e.concurrency));
  const emit = options.onEvents ?? (() => {});
  let usage = ZERO_USAGE;

  const seedResults = await mapPool(
    seedTasks(snippets, config),
    concurrency,
    async (t) => {
      const r = await cancellable(() => seedFromSnippet(ctx, t.snippet, t.mode, t.index));
      if (!r) return undefined;
      emit(r.events);
      usage = addUsage(usage, r.usage);
      return r;
    },
    signal,
  );
  const seeds = seedResults.flatMap((r) => (r?.sample ? [r.sample] : []));
  if (signal?.aborted) return { seeds, ds3: [], discussions: [], agents: [], usage, cancelled: true };

  const created = createAgents(seeds, config);
  const agents = created.agents;
  emit(created.events);
  const plan = planDiscussions(
    [...agents.values()].map((a) => ({ id: a.id, language: a.language })),
    { groupSize: config.discussion.groupSize, distinctLanguages: config.discussion.distinctLanguages, count: config.targets.ds3Samples, seed: config.seed },
  );
  const discussions: (DiscussionResult | undefined)[] = new Array(plan.length);
  await runDag(
    plan,
    concurrency,
    async (d, i) => {
      const r = await cancellable(() => runDiscussion(ctx, { id: d.id, agents: d.memberIds.map((id) => agents.get(id)!) }));
      if (!r) return;
      for (const a of r.agents) agents.set(a.id, a);
      discussions[i] = r;
      emit(r.events);
      usage = addUsage(usage, r.usage);
    },
    signal,
  );
  const done = discussions.filter((d): d is DiscussionResult => Boolean(d));
  return {
    seeds,
    ds3: done.flatMap((d) => (d.sample ? [d.sample] : [])),
    discussions: done,
    agents: [...agents.values()],
    usage,
    cancelled: Boolean(signal?.aborted),
  };
}
