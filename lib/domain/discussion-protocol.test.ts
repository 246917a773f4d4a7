import { describe, expect, it } from "vitest";
import { createMemory } from "./memory-queue";
import { formGroups, pickMemorySample, planDiscussions, targetRule, type AgentRef } from "./discussion-protocol";
import { createRng, rngFor } from "./seeded-rng";

function agents(spec: Record<string, number>): AgentRef[] {
  return Object.entries(spec).flatMap(([language, n]) => Array.from({ length: n }, (_, i) => ({ id: `${language}-${i}`, language })));
}

const langOf = (list: AgentRef[]) => new Map(list.map((a) => [a.id, a.language]));

describe("grouping agents", () => {
  it("puts agents of different languages together, each agent at most once", () => {
    const list = agents({ py: 5, java: 4, cpp: 3, sh: 3 });
    const groups = formGroups(list, { groupSize: 3, distinctLanguages: true }, createRng(1));
    const lang = langOf(list);
    const seen = groups.flat();
    expect(new Set(seen).size).toBe(seen.length);
    for (const g of groups) {
      expect(g.length).toBeGreaterThanOrEqual(2);
      expect(new Set(g.map((id) => lang.get(id))).size).toBe(g.length);
    }
    // 15 agents, 4 languages: five mixed groups of three use everyone
    expect(seen).toHaveLength(15);
  });

  it("falls back to same-language groups only when no other language is left", () => {
    const list = agents({ py: 6, java: 1 });
    const groups = formGroups(list, { groupSize: 3, distinctLanguages: true }, createRng(2));
    const lang = langOf(list);
    expect(groups[0].map((id) => lang.get(id)).sort()).toEqual(["java", "py"]);
    expect(groups.slice(1).every((g) => g.every((id) => lang.get(id) === "py"))).toBe(true);
    expect(groups.flat()).toHaveLength(7);
  });

  it("is a function of the seed", () => {
    const list = agents({ py: 4, java: 4, ts: 4 });
    const a = formGroups(list, { groupSize: 3, distinctLanguages: true }, createRng(9));
    expect(formGroups(list, { groupSize: 3, distinctLanguages: true }, createRng(9))).toEqual(a);
    expect(formGroups(list, { groupSize: 3, distinctLanguages: true }, createRng(10))).not.toEqual(a);
  });
});

describe("planning the discussion stage", () => {
  it("plans exactly the target number of discussions across rounds, chaining each agent's discussions", () => {
    const list = agents({ py: 3, java: 3, cs: 3 });
    const plan = planDiscussions(list, { groupSize: 3, distinctLanguages: true, count: 7, seed: 5 });
    expect(plan).toHaveLength(7);
    expect(plan.map((p) => p.round)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(plan.slice(0, 3).every((p) => p.after.length === 0)).toBe(true);
    for (const p of plan.slice(3)) {
      for (const m of p.memberIds) {
        const previous = plan.filter((q) => q.round < p.round && q.memberIds.includes(m)).at(-1)!;
        expect(p.after).toContain(previous.id);
      }
    }
  });

  it("stops when no group can be formed", () => {
    expect(planDiscussions(agents({ py: 1 }), { groupSize: 3, distinctLanguages: true, count: 10, seed: 1 })).toEqual([]);
  });
});

describe("memory sample choice", () => {
  const memory = createMemory(8, [
    { id: "seed", score: 3, instruction: "seed task about sorting", code: "a", data: null },
    { id: "m1", score: 5, instruction: "parse json documents", code: "b", data: null },
    { id: "m2", score: 4, instruction: "walk a directory tree", code: "c", data: null },
  ]);

  it("brings the seed at the agent's first discussion", () => {
    for (let i = 0; i < 20; i++) expect(pickMemorySample({ seedSampleId: "seed", discussions: 0, memory }, rngFor(i)).id).toBe("seed");
  });

  it("draws at random from the memory afterwards", () => {
    const picks = new Set(Array.from({ length: 50 }, (_, i) => pickMemorySample({ seedSampleId: "seed", discussions: 2, memory }, rngFor(i)).id));
    expect(picks).toEqual(new Set(["seed", "m1", "m2"]));
  });
});

describe("target language rule", () => {
  const run = ["py", "java", "cpp", "sh"];
  it("free allows every run language, group only the group's, new only the others", () => {
    expect(targetRule("free", ["py", "java"], run).allowed).toEqual(run);
    expect(targetRule("group", ["py", "java"], run).allowed).toEqual(["py", "java"]);
    expect(targetRule("new", ["py", "java"], run).allowed).toEqual(["cpp", "sh"]);
  });
  it("new falls back to free when the group already speaks every language", () => {
    expect(targetRule("new", run, run)).toEqual({ rule: "free", allowed: run });
  });
});
