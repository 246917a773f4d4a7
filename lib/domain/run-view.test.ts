import { describe, expect, it } from "vitest";
import { applyAgentEvent, applyRunEvent, initialAgentMemory, initialRunView, memoryTable, runViewFromSnapshot, throughput, type ProgressCounts, type RunStreamEvent } from "./run-view";

const counts = (o: Partial<ProgressCounts> & { accepted?: number; unscored?: number; tokens?: number } = {}): ProgressCounts => ({
  stage: o.stage ?? "seed",
  seed: o.seed ?? { done: 2, total: 4 },
  discuss: o.discuss ?? { done: 0, total: 10 },
  samples: { ds1: 1, ds2: 1, ds3: 0, accepted: o.accepted ?? 2, filtered: 0, unscored: o.unscored ?? 0 },
  byLanguage: { py: { ds1: 1, ds2: 1, ds3: 0, accepted: 2, filtered: 0 } },
  failedSteps: 0,
  usage: { calls: 4, inputTokens: o.tokens ?? 100, outputTokens: 0, costUsd: null },
});

const ev = (seq: number, type: string, data: Record<string, unknown>, at?: string): RunStreamEvent => ({ seq, type, data, at });

describe("applyRunEvent", () => {
  it("groups discussion messages into conversations in arrival order", () => {
    let s = initialRunView("queued");
    s = applyRunEvent(s, ev(1, "discussion.message", { discussionId: "d1", agentId: "a1", message: { kind: "contribution", language: "py", instruction: "sum" } }));
    s = applyRunEvent(s, ev(2, "discussion.message", { discussionId: "d2", message: { kind: "contribution", language: "java" } }));
    s = applyRunEvent(s, ev(3, "discussion.message", { discussionId: "d1", message: { kind: "synthesis", targetLanguage: "cpp" } }));
    expect(s.conversations.map((c) => [c.id, c.messages.map((m) => m.kind)])).toEqual([["d1", ["contribution", "synthesis"]], ["d2", ["contribution"]]]);
    expect(s.conversations[0].messages[1].seq).toBe(3);
  });

  it("ignores events it has already seen (a replay after a reconnect)", () => {
    let s = applyRunEvent(initialRunView("queued"), ev(5, "discussion.message", { discussionId: "d1", message: { kind: "score" } }));
    const again = applyRunEvent(s, ev(5, "discussion.message", { discussionId: "d1", message: { kind: "score" } }));
    expect(again).toBe(s);
    s = applyRunEvent(s, ev(4, "status", { status: "paused" }));
    expect(s.status).toBe("queued");
  });

  it("follows status and end, and keeps only the newest conversations", () => {
    let s = initialRunView("queued");
    s = applyRunEvent(s, ev(1, "status", { status: "running" }));
    expect([s.status, s.ended]).toEqual(["running", false]);
    for (let i = 0; i < 5; i++) s = applyRunEvent(s, ev(2 + i, "discussion.message", { discussionId: `d${i}`, message: { kind: "contribution" } }), 3);
    expect(s.conversations.map((c) => c.id)).toEqual(["d2", "d3", "d4"]);
    expect(s.messages).toBe(5);
    s = applyRunEvent(s, ev(9, "end", { status: "cancelled" }));
    expect([s.status, s.ended]).toEqual(["cancelled", true]);
  });

  it("computes throughput between the first and the latest progress", () => {
    let s = initialRunView("running");
    expect(throughput(s)).toBeNull();
    s = applyRunEvent(s, ev(1, "progress", counts({ accepted: 2, tokens: 100 }) as never, "2026-01-01T00:00:00.000Z"));
    // two reports 40 ms apart are not a rate (it would read 15,000 samples/min)
    const early = applyRunEvent(s, ev(2, "progress", counts({ accepted: 12, tokens: 700 }) as never, "2026-01-01T00:00:00.040Z"));
    expect(throughput(early)).toBeNull();
    expect(throughput(applyRunEvent(s, ev(2, "progress", counts({ accepted: 12, tokens: 700 }) as never, "2026-01-01T00:00:29.000Z")))).toBeNull();
    s = applyRunEvent(s, ev(2, "progress", counts({ accepted: 12, tokens: 700 }) as never, "2026-01-01T00:00:30.000Z"));
    expect(throughput(s)).toEqual({ samplesPerMin: 20, tokensPerMin: 1200 });
    expect(s.counts?.samples.accepted).toBe(12);
    s = applyRunEvent(s, ev(3, "status", { status: "paused", counts: counts({ accepted: 15, tokens: 900 }) }, "2026-01-01T00:01:00.000Z"));
    expect([s.status, s.counts?.samples.accepted]).toEqual(["paused", 15]);
    s = applyRunEvent(s, ev(4, "status", { status: "queued", resumed: true }));
    expect([s.status, s.counts?.samples.accepted]).toEqual(["queued", 15]);
  });
});

describe("agent memory", () => {
  it("keeps the queue ordered by score and records evictions as they happen", () => {
    let s = initialAgentMemory("agent-py-0");
    s = applyAgentEvent(s, ev(1, "sample.created", { sample: { id: "s1", instruction: "Sum a list" } }));
    s = applyAgentEvent(s, ev(2, "agent.created", { agentId: "agent-py-0", language: "py", capacity: 2 }));
    s = applyAgentEvent(s, ev(3, "memory.inserted", { agentId: "agent-py-0", sampleId: "s1", score: 3, nearest: null }));
    s = applyAgentEvent(s, ev(4, "memory.inserted", { agentId: "agent-py-0", sampleId: "s2", score: 4.5, nearest: { id: "s1", similarity: 0.31 } }));
    s = applyAgentEvent(s, ev(5, "memory.inserted", { agentId: "other", sampleId: "s9", score: 5, nearest: null }));
    let t = memoryTable(s);
    expect(t.live.map((r) => [r.sampleId, r.score, r.nearest?.similarity ?? null])).toEqual([["s2", 4.5, 0.31], ["s1", 3, null]]);
    expect([t.used, t.capacity, s.language]).toEqual([2, 2, "py"]);
    expect(t.live[1].instruction).toBe("Sum a list");
    s = applyAgentEvent(s, ev(6, "memory.inserted", { agentId: "agent-py-0", sampleId: "s3", score: 4, nearest: { id: "s2", similarity: 0.2 } }));
    s = applyAgentEvent(s, ev(7, "memory.evicted", { agentId: "agent-py-0", sampleId: "s1", score: 3, evictedBy: "s3" }));
    s = applyAgentEvent(s, ev(8, "memory.rejected", { agentId: "agent-py-0", reason: "similar" }));
    t = memoryTable(s);
    expect(t.live.map((r) => r.sampleId)).toEqual(["s2", "s3"]);
    expect(s.evictions).toEqual([{ seq: 7, sampleId: "s1", score: 3, evictedBy: "s3" }]);
    expect(s.rejected).toBe(1);
  });

  it("collects the reflections the agent took part in", () => {
    let s = initialAgentMemory("a1");
    const reflection = (seq: number, agentIds: string[], advice: string) => ev(seq, "discussion.message", { discussionId: `d${seq}`, message: { kind: "reflection", agentIds, merits: ["clear"], faults: [], advice } }, "2026-01-01T00:00:00.000Z");
    s = applyAgentEvent(s, reflection(1, ["a1", "a2"], "add edge cases"));
    s = applyAgentEvent(s, reflection(2, ["a2"], "not mine"));
    s = applyAgentEvent(s, ev(3, "discussion.message", { discussionId: "d3", message: { kind: "contribution", agentId: "a1" } }));
    s = applyAgentEvent(s, reflection(4, ["a1"], "use generics"));
    expect(s.reflections.map((r) => [r.discussionId, r.advice, r.merits])).toEqual([["d1", "add edge cases", ["clear"]], ["d4", "use generics", ["clear"]]]);
  });
});

describe("runViewFromSnapshot", () => {
  // a run's stream: status, progress, 30 discussions of 4 contiguous messages, pause, verify
  const stream: RunStreamEvent[] = [];
  const push = (type: string, data: Record<string, unknown>) => stream.push(ev(stream.length + 1, type, data, new Date(Date.UTC(2026, 0, 1, 0, 0, stream.length)).toISOString()));
  push("status", { status: "running" });
  for (let d = 0; d < 30; d++) {
    for (const kind of ["contribution", "contribution", "synthesis", "score"]) push("discussion.message", { discussionId: `d${d}`, message: { kind } });
    push("llm.call", { step: `d${d}` });
    push("progress", counts({ stage: "discuss", accepted: d, tokens: 100 * d }) as never);
    if (d === 20) push("status", { status: "paused", counts: counts({ stage: "discuss", accepted: 20 }) });
    if (d === 21) push("status", { status: "queued", resumed: true });
    if (d === 25) push("stage", { stage: "verify" });
    if (d === 26) push("verify.progress", { total: 40, done: 10, passed: 9, failed: 1, noTests: 0 });
  }
  const full = stream.reduce((s, e) => applyRunEvent(s, e, 5), initialRunView("queued"));

  /** what the server selects as of lastSeq (run-snapshot.ts), newest `window` messages */
  const snapshotAt = (lastSeq: number, window: number) => {
    const upTo = stream.filter((e) => e.seq <= lastSeq);
    const latest = (type: string, n = 1) => upTo.filter((e) => e.type === type).slice(-n);
    const messages = upTo.filter((e) => e.type === "discussion.message");
    const events = [...latest("status", 20), ...latest("end"), ...upTo.filter((e) => e.type === "progress").slice(0, 1), ...latest("progress"), ...latest("stage", 5), ...latest("verify.progress"), ...latest("verify.done"), ...latest("dpo.progress"), ...latest("dpo.done"), ...messages.slice(-window)];
    return { status: "queued", lastSeq, messages: messages.length, events: [...new Map(events.map((e) => [e.seq, e])).values()], messagesCut: messages.length > window };
  };

  it("gives the state of a full replay once the events after it are applied", () => {
    for (const at of [3, 60, 110, 140, stream.length]) {
      const snap = runViewFromSnapshot(snapshotAt(at, 24), 5);
      const resumed = stream.filter((e) => e.seq > snap.lastSeq).reduce((s, e) => applyRunEvent(s, e, 5), snap);
      expect(resumed).toEqual(full);
    }
    expect(full.conversations.map((c) => c.id)).toEqual(["d25", "d26", "d27", "d28", "d29"]);
    expect([full.status, full.messages, full.stages.verify?.done]).toEqual(["queued", 120, 10]);
  });

  it("shows the newest whole discussions and the total message count, dropping one the window cut", () => {
    const snap = runViewFromSnapshot(snapshotAt(stream.length, 10), 50);
    // 10 messages reach back into d27 (2 of its 4): it is left out
    expect(snap.conversations.map((c) => [c.id, c.messages.length])).toEqual([["d28", 4], ["d29", 4]]);
    expect(snap.messages).toBe(120);
    expect(snap.counts?.samples.accepted).toBe(29);
    expect(snap.status).toBe("queued");
    expect(snap.stages.verify).toMatchObject({ done: 10, total: 40, finished: false });
  });
});
