import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benchmarkDecontamination } from "./benchmark-decontamination";
import { noDecontamination } from "./decontamination";

describe("decontamination before export", () => {
  it("drops a sample that copies a benchmark solution and keeps ordinary ones, naming the match", async () => {
    const he = JSON.parse(readFileSync("../shared/benchmarks/HumanEval.jsonl", "utf8").split("\n")[0]);
    const filter = await benchmarkDecontamination(["../shared/benchmarks/HumanEval.jsonl"]);
    expect(filter).not.toBe(noDecontamination);
    const { kept, report } = await filter([
      { id: "copied", text: `Write a function.\n${he.prompt}${he.canonical_solution}` },
      { id: "clean", text: "Write a function that reverses a linked list in place.\ndef reverse(head):\n    prev = None\n    while head:\n        head.next, prev, head = prev, head, head.next\n    return prev\n" },
    ]);
    expect(kept).toEqual(["clean"]);
    const removed = (report as { removed: { id: string; match: unknown }[] }).removed;
    expect(removed.map((r) => r.id)).toEqual(["copied"]);
    expect(JSON.stringify(removed[0].match)).toContain("HumanEval/0");
  });

  it("says it is not configured when no benchmark file exists", async () => {
    expect(await benchmarkDecontamination(["/nonexistent-dir"])).toBe(noDecontamination);
  });
});
