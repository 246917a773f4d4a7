import { pickMemorySample, pickOperations, targetRule } from "@/lib/domain/discussion-protocol";
import { critiqueOutput, synthesisOutput } from "@/lib/domain/output-schemas";
import { critiquePrompt, synthesisPrompt, type Critique, type DiscussionMode, type DiscussionParticipant } from "@/lib/domain/prompts/discussion-prompts";
import type { InstructionSample } from "@/lib/domain/sample";
import { rngFor } from "@/lib/domain/seeded-rng";
import type { StepFailure } from "@/lib/llm/model-client";
import { sumUsage, type Usage } from "@/lib/llm/usage";
import { addReflection, offerSample, type AgentState } from "./agent";
import { throwIfCancelled, type AgentContext } from "./context";
import type { DiscussionMessage } from "./discussion-messages";
import { stepEvents, type AgentEvent } from "./events";
import { reflect } from "./reflect";
import { scoreSample } from "./score-sample";

/**
 * One cross-lingual discussion (paper §2.4): each agent brings a memory sample; optional
 * critique rounds; the synthesis writes the new sample in its named target language
 * (centralized F(A1; A2..Ad) or parallel F(A1..Ad)); the scorer grades it; a reflection goes
 * to the agent(s) who wrote it; a kept sample is offered to every participant's memory.
 * Returns the updated agents and everything that happened; touches no storage.
 */

export interface DiscussionInput {
  id: string;
  /** main agent first (centralized mode) */
  agents: AgentState[];
  mode?: DiscussionMode;
  critiqueRounds?: number;
}

export interface DiscussionResult {
  discussionId: string;
  messages: DiscussionMessage[];
  sample: InstructionSample | null;
  agents: AgentState[];
  events: AgentEvent[];
  usage: Usage;
  failure?: StepFailure;
}

export function ds3SampleId(discussionId: string): string {
  return `ds3:${discussionId}`;
}

export async function runDiscussion(ctx: AgentContext, input: DiscussionInput): Promise<DiscussionResult> {
  const { config } = ctx;
  const mode = input.mode ?? config.discussion.mode;
  const rounds = input.critiqueRounds ?? config.discussion.critiqueRounds;
  const discussionId = input.id;
  const seed = config.seed;
  const events: AgentEvent[] = [];
  const usages: Usage[] = [];
  const messages: DiscussionMessage[] = [];
  const say = (message: DiscussionMessage, agentId?: string) => {
    messages.push(message);
    events.push({ type: "discussion.message", discussionId, agentId, message });
  };

  const participants: DiscussionParticipant[] = input.agents.map((agent) => {
    const entry = pickMemorySample(agent, rngFor(seed, "pick", discussionId, agent.id));
    return {
      agentId: agent.id,
      language: agent.language,
      profile: agent.profile,
      sample: { id: entry.id, language: entry.data.language, instruction: entry.instruction, solution: entry.code, tests: entry.data.tests },
      reflections: config.agents.reflectionsInPrompt > 0 ? agent.reflections.slice(-config.agents.reflectionsInPrompt) : [],
    };
  });
  for (const p of participants) {
    say({ kind: "contribution", agentId: p.agentId, language: p.language, sampleId: p.sample.id, instruction: p.sample.instruction, solution: p.sample.solution }, p.agentId);
  }
  const pool = mode === "centralized" ? input.agents[0].operations : [...new Map(input.agents.flatMap((a) => a.operations).map((o) => [o.id, o])).values()];
  const operations = pickOperations(pool, config.agents.operationsPerStep, rngFor(seed, "operations", discussionId));

  const critiques: Critique[] = [];
  for (let round = 1; round <= rounds; round++) {
    const speakers = participants.map((_, i) => i).filter((i) => mode === "parallel" || i > 0);
    const previous = critiques.slice();
    const results = await Promise.all(
      speakers.map((speaker) =>
        ctx.client.call({ role: "discussion", step: `${discussionId}/critique-${round}-${participants[speaker].agentId}`, prompt: critiquePrompt({ mode, participants, speaker, round, operations, previous }), schema: critiqueOutput, signal: ctx.signal }),
      ),
    );
    results.forEach((r, k) => {
      const p = participants[speakers[k]];
      const step = `${discussionId}/critique-${round}-${p.agentId}`;
      throwIfCancelled(ctx, step, r.ok ? undefined : r.failure.kind);
      events.push(...stepEvents(step, r, { discussionId, agentId: p.agentId }));
      usages.push(r.usage);
      if (!r.ok) return say({ kind: "failure", step, message: r.failure.message }, p.agentId);
      const c = { agentId: p.agentId, language: p.language, round, ...r.value };
      critiques.push(c);
      say({ kind: "critique", ...c }, p.agentId);
    });
  }

  const target = targetRule(config.discussion.targetLanguage, participants.map((p) => p.language), config.languages);
  const synthStep = `${discussionId}/synthesis`;
  const synth = await ctx.client.call({ role: "discussion", step: synthStep, prompt: synthesisPrompt({ mode, participants, operations, target, critiques }), schema: synthesisOutput(target.allowed), signal: ctx.signal });
  throwIfCancelled(ctx, synthStep, synth.ok ? undefined : synth.failure.kind);
  const mainId = mode === "centralized" ? participants[0].agentId : undefined;
  events.push(...stepEvents(synthStep, synth, { discussionId, agentId: mainId }));
  usages.push(synth.usage);
  let agents = input.agents.map((a) => ({ ...a, discussions: a.discussions + 1 }));
  if (!synth.ok) {
    say({ kind: "failure", step: synthStep, message: synth.failure.message });
    return { discussionId, messages, sample: null, agents, events, usage: sumUsage(usages), failure: synth.failure };
  }

  const v = synth.value;
  const draft: InstructionSample = {
    id: ds3SampleId(discussionId),
    dataset: "ds3",
    language: v.targetLanguage,
    instruction: v.instruction,
    solution: v.solution,
    tests: v.tests,
    parentIds: participants.map((p) => p.sample.id),
    agentIds: participants.map((p) => p.agentId),
    discussionId,
    operations: operations.map((o) => o.id),
    status: "unscored",
  };
  events.push({ type: "sample.created", discussionId, sampleId: draft.id, agentId: mainId, sample: draft });
  say({ kind: "synthesis", agentId: mainId ?? null, targetLanguage: v.targetLanguage, sampleId: draft.id, instruction: v.instruction, solution: v.solution, tests: v.tests, rationale: v.rationale, operations: draft.operations! }, mainId);

  const scored = await scoreSample(ctx, draft, { discussionId });
  events.push(...scored.events);
  usages.push(scored.usage);
  const sample = scored.sample;
  if (!scored.score) {
    say({ kind: "failure", step: `${draft.id}/score`, message: "the scorer gave no usable answer; the sample stays unscored" });
    return { discussionId, messages, sample, agents, events, usage: sumUsage(usages) };
  }
  const score = scored.score;
  say({ kind: "score", sampleId: sample.id, mean: score.mean, scale: score.scale, passed: score.passed, justification: score.justification, aspects: score.aspects });

  // centralized: the main agent wrote it; parallel: every agent did
  const authors = mode === "centralized" ? agents.slice(0, 1) : agents;
  const reflected = await reflect(ctx, authors[0], sample, score, { discussionId });
  events.push(...reflected.events);
  usages.push(reflected.usage);
  if (reflected.reflection) {
    const r = reflected.reflection;
    const ids = new Set(authors.map((a) => a.id));
    agents = agents.map((a) => (ids.has(a.id) ? addReflection(a, r) : a));
    say({ kind: "reflection", agentIds: [...ids], merits: r.merits, faults: r.faults, advice: r.advice });
  }

  if (sample.status === "accepted") {
    agents = agents.map((a) => {
      const offered = offerSample(a, sample, config);
      events.push(...offered.events.map((e) => ({ ...e, discussionId })));
      return offered.agent;
    });
  }
  return { discussionId, messages, sample, agents, events, usage: sumUsage(usages) };
}
