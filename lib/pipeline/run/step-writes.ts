import type { AgentState } from "@/lib/agents/agent";
import type { AgentEvent } from "@/lib/agents/events";
import type { SeedResult } from "@/lib/agents/generate-seed";
import { ds3SampleId, type DiscussionResult } from "@/lib/agents/run-discussion";
import type { InstructionSample, Reflection } from "@/lib/domain/sample";
import { addCause, causeOfStep, causesOfCalls, type FailureCauses } from "@/lib/domain/failure-causes";
import type { Usage } from "@/lib/llm/usage";
import type { Tally } from "./run-progress";
import { AGENTS_STEP_KEY, dbAgentId, dbSampleId, discussStepKey, seedStepKey } from "./ids";

/**
 * A finished step as the rows it writes: its ledger entry, samples, agents, memory changes,
 * reflections, discussion messages and run events. Plain data, committed in one transaction
 * (step-committer.ts), so a step is either wholly stored or not at all.
 */

export interface SeedOutput {
  sample: InstructionSample | null;
  failures: string[];
  /** failed calls (and the step, when it failed) by cause; absent in steps stored before causes were counted */
  causes?: FailureCauses;
}

export interface DiscussOutput {
  sample: InstructionSample | null;
  reflection: Reflection | null;
  failures: string[];
  causes?: FailureCauses;
}

export interface StepWrite {
  step: { key: string; stage: "seed" | "agents" | "discuss"; status: "done" | "failed"; output: object; usage: Usage; error: string | null };
  samples: SampleRow[];
  agents: { id: string; runId: string; language: string; profile: string; operations: object; seedSampleId: string }[];
  memoryInserts: { agentId: string; sampleId: string; score: number }[];
  evictions: { agentId: string; sampleId: string }[];
  reflections: { agentId: string; sampleId: string; merits: string; faults: string; advice: string }[];
  messages: { id: string; runId: string; discussionId: string; agentId: string | null; role: string; language: string | null; content: string }[];
  events: { type: string; data: object }[];
  /** what the step adds to the run's counts */
  tally: Tally;
}

export interface SampleRow {
  id: string;
  runId: string;
  stepKey: string;
  part: string;
  language: string;
  instruction: string;
  solution: string;
  tests: string;
  snippetId: string | null;
  agentId: string | null;
  score: number | null;
  scores: object | undefined;
  justification: string | null;
  filtered: boolean;
  filterReason: string | null;
}

export const UNSCORED_REASON = "not scored: the scorer gave no usable answer";

export function sampleRow(runId: string, s: InstructionSample, agentId: string | null = null, snippetDbId?: string): SampleRow {
  return {
    id: dbSampleId(runId, s.id),
    runId,
    stepKey: s.id,
    part: s.dataset,
    language: s.language,
    instruction: s.instruction,
    solution: s.solution,
    tests: s.tests,
    snippetId: snippetDbId ?? s.snippetId ?? null,
    agentId,
    score: s.score?.mean ?? null,
    scores: s.score ? (s.score as unknown as object) : undefined,
    justification: s.score?.justification ?? null,
    filtered: s.status !== "accepted",
    filterReason: s.status === "unscored" ? UNSCORED_REASON : (s.filterReason ?? null),
  };
}

function emptyWrite(step: StepWrite["step"], tally: StepWrite["tally"]): StepWrite {
  return { step, samples: [], agents: [], memoryInserts: [], evictions: [], reflections: [], messages: [], events: [], tally };
}

/**
 * The step's failed calls by cause, plus the step itself under the cause of the call that made
 * it fail when it produced nothing.
 */
export function causesOf(events: AgentEvent[], failed: boolean, failure?: { kind: string; message: string }): FailureCauses {
  const callEvents = events.flatMap((e) => (e.type === "llm.call" ? [e] : []));
  const causes = causesOfCalls(callEvents.map((e) => e.call));
  if (failed) {
    const last = events.findLast((e) => e.type === "step.failed");
    const f = failure ?? (last?.type === "step.failed" ? last.failure : { kind: "error", message: "no sample" });
    const stepCalls = callEvents.filter((e) => !last || e.step === last.step).map((e) => e.call);
    addCause(causes, causeOfStep(f, stepCalls), { steps: 1, example: f.message });
  }
  return causes;
}

const failuresOf = (events: AgentEvent[]) => events.flatMap((e) => (e.type === "step.failed" ? [`${e.step}: ${e.failure.message}`] : []));

/** Memory changes, reflections, messages and the events themselves, from the runtime's events. */
function addEvents(w: StepWrite, runId: string, events: AgentEvent[]): void {
  const agent = (id: string | undefined) => (id ? dbAgentId(runId, id) : null);
  for (const e of events) {
    const { type, ...data } = e;
    w.events.push({ type, data });
    if (e.type === "memory.inserted") w.memoryInserts.push({ agentId: agent(e.agentId)!, sampleId: dbSampleId(runId, e.sampleId!), score: e.score });
    else if (e.type === "memory.evicted") w.evictions.push({ agentId: agent(e.agentId)!, sampleId: dbSampleId(runId, e.sampleId!) });
    else if (e.type === "discussion.message") {
      const m = e.message;
      const language = "language" in m ? m.language : m.kind === "synthesis" ? m.targetLanguage : null;
      w.messages.push({ id: `${runId}:${e.discussionId}:${String(w.messages.length).padStart(3, "0")}`, runId, discussionId: e.discussionId!, agentId: agent(e.agentId), role: m.kind, language, content: JSON.stringify(m) });
      if (m.kind === "reflection") {
        for (const id of m.agentIds) w.reflections.push({ agentId: agent(id)!, sampleId: dbSampleId(runId, ds3SampleId(e.discussionId!)), merits: m.merits.join("\n"), faults: m.faults.join("\n"), advice: m.advice });
      }
    }
  }
}

export function seedWrite(runId: string, r: SeedResult, snippetDbId?: string): StepWrite {
  const failures = failuresOf(r.events);
  const causes = causesOf(r.events, !r.sample);
  const output: SeedOutput = { sample: r.sample, failures, causes };
  const w = emptyWrite(
    { key: seedStepKey(r.sampleId), stage: "seed", status: r.sample ? "done" : "failed", output, usage: r.usage, error: r.sample ? null : (failures[0] ?? "no sample") },
    { stage: "seed", sample: r.sample, usage: r.usage, failed: !r.sample, failures: failures.length, agents: 0, causes },
  );
  if (r.sample) w.samples.push(sampleRow(runId, r.sample, null, snippetDbId));
  addEvents(w, runId, r.events);
  return w;
}

export function agentsWrite(runId: string, agents: AgentState[], events: AgentEvent[]): StepWrite {
  const usage: Usage = { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: null };
  const w = emptyWrite(
    { key: AGENTS_STEP_KEY, stage: "agents", status: "done", output: { agents: agents.length }, usage, error: null },
    { stage: "agents", sample: null, usage, failed: false, failures: 0, agents: agents.length, causes: {} },
  );
  w.agents = agents.map((a) => ({ id: dbAgentId(runId, a.id), runId, language: a.language, profile: a.profile, operations: a.operations, seedSampleId: dbSampleId(runId, a.seedSampleId) }));
  addEvents(w, runId, events);
  return w;
}

export function discussWrite(runId: string, r: DiscussionResult, mainAgentId: string | null): StepWrite {
  const failures = failuresOf(r.events);
  const reflection = r.events.find((e) => e.type === "reflection.added");
  const causes = causesOf(r.events, !r.sample, r.failure);
  const output: DiscussOutput = { sample: r.sample, reflection: reflection?.type === "reflection.added" ? reflection.reflection : null, failures, causes };
  const w = emptyWrite(
    { key: discussStepKey(r.discussionId), stage: "discuss", status: r.sample ? "done" : "failed", output, usage: r.usage, error: r.sample ? null : (r.failure?.message ?? failures[0] ?? "no sample") },
    { stage: "discuss", sample: r.sample, usage: r.usage, failed: !r.sample, failures: failures.length, agents: 0, causes },
  );
  if (r.sample) w.samples.push(sampleRow(runId, r.sample, mainAgentId ? dbAgentId(runId, mainAgentId) : null));
  addEvents(w, runId, r.events);
  return w;
}
