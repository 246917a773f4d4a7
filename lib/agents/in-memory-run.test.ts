import { describe, expect, it } from "vitest";
import { runGenerationInMemory } from "./in-memory-run";
import type { AgentEvent } from "./events";
import { demoContext, demoSnippets } from "./test-support";

/** The whole method, seed → discuss, on the demo model, with no storage. */

function fingerprint(r: Awaited<ReturnType<typeof runGenerationInMemory>>) {
  return JSON.stringify({
    seeds: r.seeds,
    ds3: r.ds3,
    messages: r.discussions.map((d) => d.messages),
    memories: r.agents.map((a) => [a.id, a.memory.entries.map((e) => [e.id, e.score]), a.reflections.length]),
  });
}

describe("a full generation run in memory", () => {
  const config = { seed: 11, targets: { ds3Samples: 30 }, scorer: { threshold: 3 } };

  it("produces Ds1, Ds2 and Ds3 samples across languages, with agents, memories and reflections", async () => {
    const events: AgentEvent[] = [];
    const r = await runGenerationInMemory(demoContext(config), demoSnippets(2), { onEvents: (e) => events.push(...e) });
    expect(r.cancelled).toBe(false);
    expect(r.seeds).toHaveLength(8 * 2 * 2);
    expect(new Set(r.seeds.map((s) => s.dataset))).toEqual(new Set(["ds1", "ds2"]));
    expect(r.agents).toHaveLength(r.seeds.filter((s) => s.status === "accepted").length);
    expect(r.discussions).toHaveLength(30);
    expect(r.ds3.length).toBe(30);
    expect(new Set(r.ds3.map((s) => s.language)).size).toBeGreaterThan(3);
    expect(r.ds3.some((s) => s.status === "accepted")).toBe(true);
    // agents of a discussion speak different languages
    const langOf = new Map(r.agents.map((a) => [a.id, a.language]));
    for (const s of r.ds3) expect(new Set(s.agentIds!.map((id) => langOf.get(id))).size).toBe(s.agentIds!.length);
    expect(r.agents.some((a) => a.memory.entries.length > 1)).toBe(true);
    expect(r.agents.some((a) => a.reflections.length > 0)).toBe(true);
    const types = new Set(events.map((e) => e.type));
    for (const t of ["llm.prompt", "llm.call", "sample.created", "sample.scored", "reflection.added", "agent.created", "memory.inserted", "memory.rejected", "discussion.message"]) expect(types).toContain(t);
    // calls: 3 per seed; synthesis + score + reflection per discussion
    expect(r.usage.calls).toBe(r.seeds.length * 3 + 30 * 3);
  });

  it("is deterministic for a config and seed, whatever the concurrency, and changes with the seed", async () => {
    const a = await runGenerationInMemory(demoContext(config), demoSnippets(2), { concurrency: 64 });
    const b = await runGenerationInMemory(demoContext(config), demoSnippets(2), { concurrency: 3 });
    expect(fingerprint(b)).toBe(fingerprint(a));
    const c = await runGenerationInMemory(demoContext({ ...config, seed: 12 }), demoSnippets(2));
    expect(fingerprint(c)).not.toBe(fingerprint(a));
  });

  it("survives injected 429s, 5xx, malformed JSON, refusals and timeouts, deterministically", async () => {
    // The timeout sits far above a scripted answer's latency on a loaded machine and far below slowMs,
    // so only the injected slow answers time out and the two runs see the same outcomes.
    const faults = { faults: { rateLimit: 0.1, serverError: 0.05, malformed: 0.1, refusal: 0.03, slow: 0.03 }, slowMs: 20_000 };
    const run = async (concurrency: number) => {
      const ctx = demoContext({ ...config, models: { endpoints: [{ name: "demo", provider: "scripted", model: "demo", concurrency: 32, timeoutMs: 1500, maxRetries: 1, retryBaseDelayMs: 1, retryMaxDelayMs: 2, structuredRetries: 1, scripted: faults }] } });
      const events: AgentEvent[] = [];
      const r = await runGenerationInMemory(ctx, demoSnippets(2), { concurrency, onEvents: (e) => events.push(...e) });
      return { r, events };
    };
    const { r, events } = await run(16);
    const outcomes = new Set(events.flatMap((e) => (e.type === "llm.call" ? [e.call.outcome] : [])));
    for (const o of ["ok", "rate-limited", "server-error", "invalid-output", "timeout"]) expect(outcomes).toContain(o);
    expect(events.some((e) => e.type === "step.failed")).toBe(true);
    expect(r.seeds.length).toBeGreaterThan(0);
    expect(r.seeds.length).toBeLessThan(32);
    expect(r.discussions.length).toBe(30);
    const again = await run(5);
    expect(fingerprint(again.r)).toBe(fingerprint(r));
  });

  it("stops promptly when cancelled and reports it", async () => {
    const ac = new AbortController();
    const ctx = demoContext({ ...config, targets: { ds3Samples: 1000 } }, { latencyMs: 20 }, ac.signal);
    setTimeout(() => ac.abort(), 150);
    const started = Date.now();
    const r = await runGenerationInMemory(ctx, demoSnippets(4));
    expect(r.cancelled).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
