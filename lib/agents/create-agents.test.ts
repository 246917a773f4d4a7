import { describe, expect, it } from "vitest";
import { parseRunConfig } from "@/lib/domain/run-config";
import type { InstructionSample } from "@/lib/domain/sample";
import { createAgents } from "./create-agents";

const sample = (id: string, language: string, mean: number, instruction = `task ${id}`, status: InstructionSample["status"] = "accepted"): InstructionSample =>
  ({ id, dataset: "ds1", language, instruction, solution: `solve_${id}()`, tests: "", status, score: { mean } }) as unknown as InstructionSample;

const seeds = [
  sample("py-a", "py", 3),
  sample("java-a", "java", 4),
  sample("py-b", "py", 5),
  sample("py-c", "py", 4),
  sample("py-d", "py", 2, "task py-d", "filtered"),
  sample("py-e", "py", 1, "sort a list of numbers in place and print the median value"),
  sample("java-b", "java", 2),
];

describe("createAgents", () => {
  it("founds one agent per accepted seed by default", () => {
    const { agents } = createAgents(seeds, parseRunConfig({}));
    expect([...agents.values()].map((a) => a.seedSampleId)).toEqual(["py-a", "java-a", "py-b", "py-c", "py-e", "java-b"]);
    for (const a of agents.values()) expect(a.memory.entries.map((e) => e.id)).toEqual([a.seedSampleId]);
  });

  it("with N per language, the N best seeds found agents and the others go to their memories in turn", () => {
    const { agents, events } = createAgents(seeds, parseRunConfig({ agents: { perLanguage: 2, memory: { similarity: { threshold: 0.99 } } } }));
    const list = [...agents.values()];
    expect(list.map((a) => [a.language, a.seedSampleId])).toEqual([["java", "java-a"], ["py", "py-b"], ["py", "py-c"], ["java", "java-b"]]);
    const memory = Object.fromEntries(list.map((a) => [a.seedSampleId, a.memory.entries.map((e) => e.id).sort()]));
    // py ranked b(5) c(4) a(3) e(1): a goes to the first agent, e to the second; the filtered seed to none
    expect(memory).toEqual({ "py-b": ["py-a", "py-b"], "py-c": ["py-c", "py-e"], "java-a": ["java-a"], "java-b": ["java-b"] });
    expect(events.filter((e) => e.type === "agent.created")).toHaveLength(4);
    expect(events.filter((e) => e.type === "memory.inserted")).toHaveLength(6);
  });

  it("keeps each agent's memory under its own capacity and similarity rules", () => {
    const { agents, events } = createAgents(seeds, parseRunConfig({ agents: { perLanguage: 1, memory: { capacity: 2, similarity: { threshold: 0.99 } } } }));
    const py = [...agents.values()].find((a) => a.language === "py")!;
    expect(py.seedSampleId).toBe("py-b");
    // b(5), then c(4), a(3) evicts nothing (lower than both), e(1) is refused
    expect(py.memory.entries.map((e) => e.id).sort()).toEqual(["py-b", "py-c"]);
    expect(events.some((e) => e.type === "memory.rejected" && e.agentId === py.id)).toBe(true);
  });

  it("founds fewer agents where a language has fewer accepted seeds", () => {
    const { agents } = createAgents(seeds, parseRunConfig({ agents: { perLanguage: 5 } }));
    const count = (l: string) => [...agents.values()].filter((a) => a.language === l).length;
    expect([count("py"), count("java")]).toEqual([4, 2]);
  });
});
