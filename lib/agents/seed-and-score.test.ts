import { describe, expect, it } from "vitest";
import { generateSeed, seedFromSnippet } from "./generate-seed";
import { demoContext, demoSnippets } from "./test-support";

const snippet = demoSnippets()[1]; // java

describe("seed generation", () => {
  it("Ds1: instruction first, then the response, in the snippet's language", async () => {
    const r = await generateSeed(demoContext(), snippet, "ds1");
    expect(r.sample).toMatchObject({ id: "ds1:java-0:0", dataset: "ds1", language: "java", snippetId: "java-0", status: "unscored" });
    expect(r.sample!.instruction).toMatch(/^Write a Java function `\w+`/);
    expect(r.sample!.solution).toContain("class Solution");
    expect(r.sample!.tests).toContain("public class Main");
    const prompts = r.events.filter((e) => e.type === "llm.prompt");
    expect(prompts.map((e) => e.type === "llm.prompt" && [e.step, e.role, e.kind])).toEqual([
      ["ds1:java-0:0/instruction", "iGenerator", "ds1-instruction"],
      ["ds1:java-0:0/response", "rGenerator", "ds1-response"],
    ]);
    expect(r.events.at(-1)).toMatchObject({ type: "sample.created", sampleId: "ds1:java-0:0" });
    expect(r.usage.calls).toBe(2);
  });

  it("Ds2: response first, then the instruction it answers (naming the same function)", async () => {
    const r = await generateSeed(demoContext(), snippet, "ds2");
    const kinds = r.events.flatMap((e) => (e.type === "llm.prompt" ? [e.kind] : []));
    expect(kinds).toEqual(["ds2-response", "ds2-instruction"]);
    const fn = /static \w+ (\w+)\(/.exec(r.sample!.solution)![1];
    expect(r.sample!.instruction).toContain(`\`${fn}\``);
  });

  it("scores each pair on the named aspects; under the threshold it is kept but filtered with the reason", async () => {
    const strict = demoContext({ scorer: { threshold: 5 } });
    const results = await Promise.all(demoSnippets().map((s) => seedFromSnippet(strict, s, "ds1")));
    const filtered = results.filter((r) => r.sample?.status === "filtered");
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) {
      expect(r.sample!.score!.mean).toBeLessThan(5);
      expect(r.sample!.filterReason).toMatch(/below threshold 5; weakest: [a-z-]+ \d\/5/);
    }
    for (const r of results) expect(r.sample!.score!.aspects.map((a) => a.name)).toEqual(strict.config.scorer.aspects.map((a) => a.name));
    const lenient = await seedFromSnippet(demoContext({ scorer: { threshold: 1 } }), snippet, "ds1");
    expect(lenient.sample).toMatchObject({ status: "accepted" });
    expect(lenient.events.some((e) => e.type === "sample.scored")).toBe(true);
  });

  it("a step that keeps failing yields no sample and a recorded failure, not a crash", async () => {
    const r = await generateSeed(demoContext({}, { faults: { malformed: 1 } }), snippet, "ds1");
    expect(r.sample).toBeNull();
    const failed = r.events.find((e) => e.type === "step.failed");
    expect(failed).toMatchObject({ type: "step.failed", step: "ds1:java-0:0/instruction", failure: { kind: "invalid-output" } });
    expect(r.events.filter((e) => e.type === "llm.call")).toHaveLength(3);
  });
});
