import { describe, expect, it } from "vitest";
import type { InstructionSample } from "@/lib/domain/sample";
import { createAgent, type AgentState } from "./agent";
import { seedFromSnippet } from "./generate-seed";
import { runDiscussion } from "./run-discussion";
import { demoContext, demoSnippets } from "./test-support";

async function agentsFor(ctx: ReturnType<typeof demoContext>, languages: string[]): Promise<AgentState[]> {
  const snippets = demoSnippets().filter((s) => languages.includes(s.language));
  const seeds: InstructionSample[] = [];
  for (const s of snippets) seeds.push((await seedFromSnippet(ctx, s, "ds1")).sample!);
  return seeds.map((s) => createAgent({ ...s, status: "accepted" }, ctx.config).agent);
}

describe("centralized discussion F(A1; A2..Ad)", () => {
  it("runs contributions → synthesis → score → reflection and offers the new sample to the memories", async () => {
    const ctx = demoContext({ scorer: { threshold: 1 }, discussion: { mode: "centralized" } });
    const agents = await agentsFor(ctx, ["py", "java", "sh"]);
    const r = await runDiscussion(ctx, { id: "d1.0", agents });
    expect(r.messages.map((m) => m.kind)).toEqual(["contribution", "contribution", "contribution", "synthesis", "score", "reflection"]);
    // first discussion: everyone brings its seed
    expect(r.messages.slice(0, 3).map((m) => m.kind === "contribution" && m.sampleId)).toEqual(agents.map((a) => a.seedSampleId));
    expect(r.sample).toMatchObject({ id: "ds3:d1.0", dataset: "ds3", discussionId: "d1.0", agentIds: agents.map((a) => a.id), status: "accepted" });
    expect(ctx.config.languages).toContain(r.sample!.language);
    const synth = r.messages[3];
    expect(synth.kind === "synthesis" && synth.agentId).toBe(agents[0].id);
    expect(synth.kind === "synthesis" && synth.targetLanguage).toBe(r.sample!.language);
    // the main agent wrote it, so only it reflects
    expect(r.agents[0].reflections).toHaveLength(1);
    expect(r.agents.slice(1).every((a) => a.reflections.length === 0)).toBe(true);
    expect(r.agents.every((a) => a.discussions === 1)).toBe(true);
    const memoryEvents = r.events.filter((e) => e.type.startsWith("memory."));
    expect(new Set(memoryEvents.map((e) => e.agentId))).toEqual(new Set(agents.map((a) => a.id)));
    const inserted = r.agents.filter((a) => a.memory.entries.some((e) => e.id === r.sample!.id)).length;
    expect(inserted).toBe(memoryEvents.filter((e) => e.type === "memory.inserted").length);
  });

  it("critique rounds come only from the auxiliary agents and reach the synthesis prompt", async () => {
    const ctx = demoContext({ discussion: { mode: "centralized", critiqueRounds: 2 } });
    const agents = await agentsFor(ctx, ["py", "java", "cpp"]);
    const r = await runDiscussion(ctx, { id: "d1.0", agents });
    const critiques = r.messages.filter((m) => m.kind === "critique");
    expect(critiques).toHaveLength(4);
    expect(critiques.every((c) => c.kind === "critique" && c.agentId !== agents[0].id)).toBe(true);
    const synthPrompt = r.events.find((e) => e.type === "llm.prompt" && e.kind === "synthesis");
    expect(synthPrompt?.type === "llm.prompt" && synthPrompt.user).toContain("The discussion so far");
  });

  it("brings a random memory sample after the first discussion", async () => {
    const ctx = demoContext({ scorer: { threshold: 1 }, agents: { memory: { similarity: { threshold: 1 } } } });
    let agents = await agentsFor(ctx, ["py", "java", "ts"]);
    const picked = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = await runDiscussion(ctx, { id: `d${i + 1}.0`, agents });
      if (i > 0) for (const m of r.messages) if (m.kind === "contribution") picked.add(m.sampleId);
      agents = r.agents;
    }
    expect([...picked].some((id) => id.startsWith("ds3:"))).toBe(true);
  });
});

describe("parallel discussion F(A1..Ad)", () => {
  it("has a moderator write the sample, every agent critiques and every agent keeps the reflection", async () => {
    const ctx = demoContext({ scorer: { threshold: 1 }, discussion: { mode: "parallel", critiqueRounds: 1 } });
    const agents = await agentsFor(ctx, ["cs", "php", "js"]);
    const r = await runDiscussion(ctx, { id: "d1.0", agents });
    expect(r.messages.filter((m) => m.kind === "critique").map((m) => m.kind === "critique" && m.agentId)).toEqual(agents.map((a) => a.id));
    const synth = r.messages.find((m) => m.kind === "synthesis");
    expect(synth?.kind === "synthesis" && synth.agentId).toBeNull();
    expect(r.agents.every((a) => a.reflections.length === 1)).toBe(true);
  });

  it("with target rule 'new' the sample is in a language none of the group speaks", async () => {
    const ctx = demoContext({ scorer: { threshold: 1 }, discussion: { mode: "parallel", targetLanguage: "new" } });
    const agents = await agentsFor(ctx, ["py", "java"]);
    for (let i = 0; i < 4; i++) {
      const r = await runDiscussion(ctx, { id: `d${i}.0`, agents });
      expect(["py", "java"]).not.toContain(r.sample!.language);
    }
  });

  it("a failing synthesis is recorded in the conversation and yields no sample", async () => {
    const ok = demoContext({ scorer: { threshold: 1 } });
    const agents = await agentsFor(ok, ["py", "sh"]);
    const broken = demoContext({}, { faults: { refusal: 1 } });
    const r = await runDiscussion(broken, { id: "d1.0", agents });
    expect(r.sample).toBeNull();
    expect(r.failure?.kind).toBe("refusal");
    expect(r.messages.at(-1)).toMatchObject({ kind: "failure", step: "d1.0/synthesis" });
  });
});
