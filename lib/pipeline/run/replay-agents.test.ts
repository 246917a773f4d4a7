import { describe, expect, it } from "vitest";
import { runGenerationInMemory } from "@/lib/agents/in-memory-run";
import { demoContext, demoSnippets } from "@/lib/agents/test-support";
import { planDiscussions } from "@/lib/domain/discussion-protocol";
import type { RunConfigInput } from "@/lib/domain/run-config";
import { replayAgents, type FinishedDiscussion } from "./replay-agents";

/** A resumed run must rebuild exactly the agents an uninterrupted run had. */

const state = (agents: Iterable<{ id: string; memory: { entries: { id: string; score: number; seq: number }[]; nextSeq: number }; reflections: unknown[]; discussions: number }>) =>
  [...agents].map((a) => ({ id: a.id, memory: a.memory.entries.map((e) => [e.id, e.score, e.seq]), nextSeq: a.memory.nextSeq, reflections: a.reflections, discussions: a.discussions })).sort((x, y) => x.id.localeCompare(y.id));

async function check(overrides: RunConfigInput, keep: (index: number) => boolean) {
  const ctx = demoContext({ seed: 5, targets: { ds3Samples: 40 }, agents: { memory: { capacity: 2 } }, ...overrides });
  const full = await runGenerationInMemory(ctx, demoSnippets(2));
  const plan = planDiscussions(
    full.agents.map((a) => ({ id: a.id, language: a.language })),
    { groupSize: ctx.config.discussion.groupSize, distinctLanguages: ctx.config.discussion.distinctLanguages, count: ctx.config.targets.ds3Samples, seed: ctx.config.seed },
  );
  const finished = new Map<string, FinishedDiscussion>();
  for (const d of full.discussions) {
    const reflection = d.events.find((e) => e.type === "reflection.added");
    finished.set(d.discussionId, { sample: d.sample, reflection: reflection?.type === "reflection.added" ? reflection.reflection : null });
  }
  const replayed = replayAgents(full.seeds, plan, finished, ctx.config);
  expect(state(replayed.values())).toEqual(state(full.agents));
  // a prefix of the plan (as after a crash) gives the state after those discussions only
  const prefix = new Map([...finished].filter((_, i) => keep(i)));
  const partial = replayAgents(full.seeds, plan, prefix, ctx.config);
  expect([...partial.values()].reduce((n, a) => n + a.discussions, 0)).toBeLessThan([...replayed.values()].reduce((n, a) => n + a.discussions, 0));
  return full;
}

describe("replaying a run's ledger", () => {
  it("rebuilds memories (with evictions), reflections and discussion counts of a centralized run", async () => {
    const full = await check({}, (i) => i < 10);
    expect(full.agents.some((a) => a.memory.entries.length === 2)).toBe(true);
  });

  it("does the same with a fixed number of agents per language (seeds offered to their memories)", async () => {
    const full = await check({ agents: { perLanguage: 1, memory: { capacity: 2 } } }, (i) => i < 7);
    expect(full.agents).toHaveLength(8);
  });

  it("does the same for parallel discussions with critique rounds and scorer failures", async () => {
    await check(
      { discussion: { mode: "parallel", critiqueRounds: 1 }, models: { endpoints: [{ name: "demo", provider: "scripted", model: "m", structuredRetries: 0, retryBaseDelayMs: 1, retryMaxDelayMs: 2, scripted: { faults: { malformed: 0.15 } } }] } },
      (i) => i % 2 === 0,
    );
  });
});
