import type { FailureCauses } from "./failure-causes";
import { applyStageEvent, NO_STAGES, type StageState } from "./run-stages";

/**
 * What the run pages show, folded from the run's event stream (SSE, seq-ordered): the stage
 * bars, counts, throughput and usage of the live view, its discussions as conversations, and
 * one agent's memory queue for the inspector. Pure: plain data in, new plain data out.
 */

export interface RunStreamEvent {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  at?: string;
}

export interface Usage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
}

/** The subset of the worker's RunCounts (lib/pipeline/run/run-progress.ts) the view reads. */
export interface ProgressCounts {
  stage: string;
  seed: { done: number; total: number };
  discuss: { done: number; total: number };
  samples: { ds1: number; ds2: number; ds3: number; accepted: number; filtered: number; unscored: number };
  byLanguage: Record<string, { ds1: number; ds2: number; ds3: number; accepted: number; filtered: number }>;
  failedSteps: number;
  /** by cause (failure-causes.ts); absent in counts stored before causes were counted */
  failureCauses?: FailureCauses;
  usage: Usage;
}

/** A discussion message as the stream carries it (lib/agents/discussion-messages.ts). */
export type ConversationMessage = { kind: string; seq: number } & Record<string, unknown>;

export interface Conversation {
  id: string;
  messages: ConversationMessage[];
}

export interface RunViewState {
  status: string;
  lastSeq: number;
  ended: boolean;
  counts: ProgressCounts | null;
  /** first and latest progress: throughput is their difference over time */
  firstProgress: { at: number; samples: number; tokens: number } | null;
  lastProgress: { at: number; samples: number; tokens: number } | null;
  /** newest last; at most `keep` */
  conversations: Conversation[];
  /** discussion messages received in all (the kept conversations hold the newest) */
  messages: number;
  /** verify and dpo, from their own events (run-stages.ts) */
  stages: StageState;
}

export const TERMINAL = ["succeeded", "completed_with_errors", "failed", "cancelled"];

export function initialRunView(status: string): RunViewState {
  return { status, lastSeq: 0, ended: TERMINAL.includes(status), counts: null, firstProgress: null, lastProgress: null, conversations: [], messages: 0, stages: NO_STAGES };
}

const isCounts = (v: unknown): v is ProgressCounts => !!v && typeof v === "object" && "seed" in v && "samples" in v && "usage" in v;
const sampleTotal = (c: ProgressCounts) => c.samples.accepted + c.samples.filtered + c.samples.unscored;
const tokenTotal = (c: ProgressCounts) => c.usage.inputTokens + c.usage.outputTokens;

/** Applies one event; events at or below lastSeq (a replay after reconnecting) change nothing. */
export function applyRunEvent(s: RunViewState, e: RunStreamEvent, keep = 50): RunViewState {
  if (e.seq <= s.lastSeq) return s;
  const next: RunViewState = { ...s, lastSeq: e.seq, stages: applyStageEvent(s.stages, e) };
  // status and end events of a stopping worker carry its last counts
  const carried = (e.type === "status" || e.type === "end") && isCounts(e.data.counts) ? e.data.counts : null;
  if (e.type === "status" && typeof e.data.status === "string") next.status = e.data.status;
  else if (e.type === "end") {
    next.ended = true;
    if (typeof e.data.status === "string") next.status = e.data.status;
  }
  if (carried || (e.type === "progress" && isCounts(e.data))) {
    const counts = (carried ?? e.data) as ProgressCounts;
    const point = { at: e.at ? Date.parse(e.at) : 0, samples: sampleTotal(counts), tokens: tokenTotal(counts) };
    next.counts = counts;
    next.firstProgress = s.firstProgress ?? point;
    next.lastProgress = point;
  } else if (e.type === "discussion.message" && typeof e.data.discussionId === "string" && e.data.message) {
    const id = e.data.discussionId;
    const message = { ...(e.data.message as Record<string, unknown>), seq: e.seq } as ConversationMessage;
    next.messages = s.messages + 1;
    const i = s.conversations.findIndex((c) => c.id === id);
    if (i >= 0) {
      next.conversations = s.conversations.map((c, j) => (j === i ? { id, messages: [...c.messages, message] } : c));
    } else {
      next.conversations = [...s.conversations, { id, messages: [message] }].slice(-keep);
    }
  }
  return next;
}

export interface RunSnapshot {
  status: string;
  /** the newest event of the run's topic when the snapshot was taken: follow the stream from it */
  lastSeq: number;
  /** discussion messages up to lastSeq, all of them */
  messages: number;
  events: RunStreamEvent[];
  /** the events hold only the newest discussion messages, not all of them */
  messagesCut: boolean;
}

/**
 * The view as of a snapshot (lib/pipeline/run/run-snapshot.ts): the run's status, the events
 * that decide each field as of `lastSeq` (latest status, end, first and latest progress, stage
 * events, the newest discussion messages) folded in order, and the total count of messages.
 * Following the stream after `lastSeq` then gives the same state as a replay from the start.
 */
export function runViewFromSnapshot(snapshot: RunSnapshot, keep = 50): RunViewState {
  let events = [...snapshot.events].sort((a, b) => a.seq - b.seq);
  if (snapshot.messagesCut) {
    // the oldest discussion in the window may have lost its first messages to the cut: leave it out
    const first = events.find((e) => e.type === "discussion.message")?.data.discussionId;
    events = events.filter((e) => e.type !== "discussion.message" || e.data.discussionId !== first);
  }
  const state = events.reduce((s, e) => applyRunEvent(s, e, keep), initialRunView(snapshot.status));
  return { ...state, lastSeq: Math.max(state.lastSeq, snapshot.lastSeq), messages: snapshot.messages };
}

/** Below this span of progress a rate is noise (two reports a few ms apart gave "9,873,799.6/min"). */
export const MIN_RATE_WINDOW_MS = 30_000;

/**
 * Samples and tokens per minute between the first and the latest progress event seen; null until
 * they are at least MIN_RATE_WINDOW_MS apart (the page then shows counts only).
 */
export function throughput(s: RunViewState): { samplesPerMin: number; tokensPerMin: number } | null {
  const a = s.firstProgress;
  const b = s.lastProgress;
  if (!a || !b || b.at - a.at < MIN_RATE_WINDOW_MS) return null;
  const minutes = (b.at - a.at) / 60_000;
  return { samplesPerMin: (b.samples - a.samples) / minutes, tokensPerMin: (b.tokens - a.tokens) / minutes };
}

// ---- one agent's memory queue ----

export interface Neighbour {
  id: string;
  similarity: number;
}

export interface MemoryRow {
  sampleId: string;
  score: number;
  /** nearest entry already in the queue when this one was inserted (null: the queue was empty) */
  nearest: Neighbour | null;
  insertedSeq: number;
  evictedSeq: number | null;
  evictedBy: string | null;
  instruction: string | null;
}

export interface AgentMemoryState {
  agentId: string;
  language: string | null;
  capacity: number | null;
  lastSeq: number;
  rows: Record<string, MemoryRow>;
  /** instructions of the run's samples, to name memory entries */
  instructions: Record<string, string>;
  rejected: number;
  /** evictions newest first */
  evictions: { seq: number; sampleId: string; score: number; evictedBy: string }[];
  /** reflections the agent took part in, oldest first */
  reflections: { seq: number; at: string | null; discussionId: string; merits: string[]; faults: string[]; advice: string }[];
}

export function initialAgentMemory(agentId: string): AgentMemoryState {
  return { agentId, language: null, capacity: null, lastSeq: 0, rows: {}, instructions: {}, rejected: 0, evictions: [], reflections: [] };
}

const shortInstruction = (text: unknown) => String(text ?? "").slice(0, 160);

export function applyAgentEvent(s: AgentMemoryState, e: RunStreamEvent): AgentMemoryState {
  if (e.seq <= s.lastSeq) return s;
  const d = e.data;
  const next = { ...s, lastSeq: e.seq };
  if (e.type === "sample.created" && d.sample && typeof d.sample === "object") {
    const sample = d.sample as { id?: string; instruction?: string };
    if (sample.id) next.instructions = { ...s.instructions, [sample.id]: shortInstruction(sample.instruction) };
    return next;
  }
  if (e.type === "discussion.message" && d.message && typeof d.message === "object") {
    const m = d.message as { kind?: string; agentIds?: string[]; merits?: string[]; faults?: string[]; advice?: string };
    if (m.kind === "reflection" && m.agentIds?.includes(s.agentId)) {
      const reflection = { seq: e.seq, at: e.at ?? null, discussionId: String(d.discussionId ?? ""), merits: m.merits ?? [], faults: m.faults ?? [], advice: m.advice ?? "" };
      next.reflections = [...s.reflections, reflection];
    }
    return next;
  }
  if (d.agentId !== s.agentId) return next;
  const sampleId = String(d.sampleId ?? "");
  if (e.type === "agent.created") {
    next.language = String(d.language);
    next.capacity = Number(d.capacity);
  } else if (e.type === "memory.inserted") {
    const nearest = d.nearest && typeof d.nearest === "object" ? (d.nearest as Neighbour) : null;
    next.rows = { ...s.rows, [sampleId]: { sampleId, score: Number(d.score), nearest, insertedSeq: e.seq, evictedSeq: null, evictedBy: null, instruction: s.instructions[sampleId] ?? null } };
  } else if (e.type === "memory.evicted") {
    const row = s.rows[sampleId];
    if (row) next.rows = { ...s.rows, [sampleId]: { ...row, evictedSeq: e.seq, evictedBy: String(d.evictedBy) } };
    next.evictions = [{ seq: e.seq, sampleId, score: Number(d.score), evictedBy: String(d.evictedBy) }, ...s.evictions];
  } else if (e.type === "memory.rejected") {
    next.rejected = s.rejected + 1;
  }
  return next;
}

export interface AgentSnapshot {
  agentId: string;
  /** the newest event of the run's topic when the snapshot was taken: follow the stream from it */
  lastSeq: number;
  /** the agent's own events up to lastSeq: agent.created, memory.*, reflections it took part in */
  events: RunStreamEvent[];
  /** instructions of the samples its memory took in, by runtime sample id */
  instructions: Record<string, string>;
}

/**
 * The inspector as of an agent snapshot (lib/pipeline/run/agent-snapshot.ts): its events
 * folded in order, entries named by the stored samples' instructions. Following the stream
 * after `lastSeq` then gives what a replay from the start shows (memory rows, evictions,
 * rejections, reflections); `instructions` holds only the agent's samples, not the run's.
 */
export function agentMemoryFromSnapshot(snapshot: AgentSnapshot): AgentMemoryState {
  const instructions = Object.fromEntries(Object.entries(snapshot.instructions).map(([id, text]) => [id, shortInstruction(text)]));
  const events = [...snapshot.events].sort((a, b) => a.seq - b.seq);
  const state = events.reduce(applyAgentEvent, { ...initialAgentMemory(snapshot.agentId), instructions });
  return { ...state, lastSeq: Math.max(state.lastSeq, snapshot.lastSeq) };
}

/** What the inspector shows of the state (all but the lookup of sample instructions). */
export function agentMemoryView(s: AgentMemoryState): Omit<AgentMemoryState, "instructions"> {
  const { instructions: _, ...shown } = s;
  return shown;
}

/** The queue as a table: entries in memory ordered by score (best first, older first on ties). */
export function memoryTable(s: AgentMemoryState): { live: MemoryRow[]; used: number; capacity: number | null } {
  const live = Object.values(s.rows)
    .filter((r) => r.evictedSeq === null)
    .sort((a, b) => b.score - a.score || a.insertedSeq - b.insertedSeq);
  return { live, used: live.length, capacity: s.capacity };
}
