import { describe, expect, it } from "vitest";
import { DEFAULT_ASPECTS, judge } from "../scoring-rubric";
import { agentProfile } from "./agent-profile";
import { critiquePrompt, synthesisPrompt, type DiscussionParticipant } from "./discussion-prompts";
import { PROMPT_KINDS, promptKindOf } from "./prompt-kinds";
import { reflectionPrompt, scorePrompt } from "./score-prompts";
import { ds1InstructionPrompt, ds1ResponsePrompt, ds2InstructionPrompt, ds2ResponsePrompt } from "./seed-prompts";

const snippet = { id: "sn1", language: "java", code: "int add(int a, int b) { return a + b; }" };
const sample = { language: "py", instruction: "Write `clamp(x, lo, hi)` that limits x to [lo, hi].", solution: "def clamp(x, lo, hi):\n    return max(lo, min(x, hi))", tests: "assert clamp(5, 0, 3) == 3" };
const rubric = { aspects: DEFAULT_ASPECTS, scale: 5 as const, threshold: 3 };

function participant(i: number, language: string): DiscussionParticipant {
  return {
    agentId: `agent-${i}`,
    language,
    profile: agentProfile(language),
    sample: { id: `s${i}`, ...sample, language, instruction: `Task of agent ${i}` },
    reflections: i === 0 ? [{ sampleId: "old", merits: ["clear spec"], faults: ["no edge cases"], advice: "test empty input" }] : [],
  };
}

describe("seed prompts", () => {
  it("each carries its kind, readable from its text, the language and the material it works from", () => {
    const built = [ds1InstructionPrompt(snippet), ds1ResponsePrompt("java", "Sum two ints."), ds2ResponsePrompt(snippet), ds2InstructionPrompt("java", "class A {}")];
    expect(built.map((p) => promptKindOf(p.user))).toEqual(["ds1-instruction", "ds1-response", "ds2-response", "ds2-instruction"]);
    for (const p of built) expect(p.user).toMatch(/^Language: java \(Java\)/);
    expect(built[0].user).toContain(snippet.code);
    expect(built[1].user).toContain("Sum two ints.");
    expect(built[3].user).toContain("class A {}");
  });

  it("asks the R-Generator for tests following the language's execution convention", () => {
    expect(ds1ResponsePrompt("java", "x").user).toContain("public class Main");
    expect(ds2ResponsePrompt({ ...snippet, language: "php" }).user).toContain("<?php");
    expect(ds1ResponsePrompt("py", "x").user).toContain('"tests"');
  });
});

describe("scorer and reflection prompts", () => {
  it("names every aspect, the scale and asks for justifications", () => {
    const p = scorePrompt(sample, { ...rubric, scale: 10 });
    expect(promptKindOf(p.user)).toBe("score");
    for (const a of DEFAULT_ASPECTS) expect(p.user).toContain(`- ${a.name}: ${a.description}`);
    expect(p.user).toContain("Scale: 1-10");
    expect(p.user).toContain("justification");
    expect(p.user).toContain(sample.solution);
  });

  it("shows the agent its grades and asks for merits and faults", () => {
    const score = judge(DEFAULT_ASPECTS.map((a) => ({ name: a.name, score: 2, justification: `weak ${a.name}` })), "meh", rubric);
    const p = reflectionPrompt(sample, score, agentProfile("py"));
    expect(promptKindOf(p.user)).toBe("reflect");
    expect(p.system).toContain("Python agent");
    expect(p.user).toContain("weak correctness");
    expect(p.user).toMatch(/merits.*faults/s);
  });
});

describe("discussion prompts", () => {
  const group = [participant(0, "py"), participant(1, "java"), participant(2, "sh")];
  const ops = [{ id: "add-constraints", description: "Add new constraints." }];
  const target = { rule: "new" as const, allowed: ["cpp", "ts"] };

  it("centralized: the main agent speaks in its own profile, its sample first, others as references", () => {
    const p = synthesisPrompt({ mode: "centralized", participants: group, operations: ops, target, critiques: [] });
    expect(promptKindOf(p.user)).toBe("synthesis");
    expect(p.system).toContain("Python agent");
    expect(p.user).toContain("F(A1; A2..A3)");
    expect(p.user.indexOf("Task of agent 0")).toBeLessThan(p.user.indexOf("Reference samples"));
    expect(p.user.indexOf("Reference samples")).toBeLessThan(p.user.indexOf("Task of agent 1"));
    expect(p.user).toContain("Allowed target languages: cpp, ts");
    expect(p.user).toContain("no edge cases");
    expect(p.user).toContain("add-constraints");
  });

  it("parallel: a neutral moderator, all agents listed as equals", () => {
    const p = synthesisPrompt({ mode: "parallel", participants: group, operations: ops, target, critiques: [] });
    expect(p.system).not.toContain("Python agent");
    expect(p.user).toContain("F(A1..A3)");
    expect(p.user).not.toContain("Reference samples");
    for (const i of [0, 1, 2]) expect(p.user).toContain(`Task of agent ${i}`);
  });

  it("critique rounds feed earlier critiques forward and the synthesis sees them", () => {
    const critiques = [{ agentId: "agent-1", language: "java", round: 1, critique: "needs overflow handling", proposal: "use long" }];
    const c = critiquePrompt({ mode: "centralized", participants: group, speaker: 2, round: 2, operations: ops, previous: critiques });
    expect(promptKindOf(c.user)).toBe("critique");
    expect(c.system).toContain("Bash agent");
    expect(c.user).toContain("You are A3, an auxiliary agent");
    expect(c.user).toContain("needs overflow handling");
    const s = synthesisPrompt({ mode: "centralized", participants: group, operations: ops, target, critiques });
    expect(s.user).toContain("needs overflow handling");
  });

  it("sends no routing tag to a model: the kind travels beside the text, not in it", () => {
    const built = [ds1InstructionPrompt(snippet), ds1ResponsePrompt("java", "Sum two ints."), ds2ResponsePrompt(snippet), ds2InstructionPrompt("java", "class A {}"), scorePrompt(sample, rubric)];
    for (const p of built) {
      expect(PROMPT_KINDS).toContain(p.kind);
      expect(`${p.system}\n${p.user}`).not.toMatch(/\[xinstruct:/);
    }
    expect(promptKindOf("Write me a poem")).toBeNull();
  });
});
