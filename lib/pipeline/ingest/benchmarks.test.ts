import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBenchmarkFile } from "./benchmarks";

const B = "../shared/benchmarks";

describe("benchmark loaders", () => {
  it("reads HumanEval JSONL: task ids, prompts and canonical solutions", async () => {
    const items = await loadBenchmarkFile(`${B}/HumanEval.jsonl`);
    expect(items).toHaveLength(164);
    expect(items[0]).toMatchObject({ benchmark: "HumanEval", id: "HumanEval/0" });
    expect(items[0].prompt).toContain("def has_close_elements");
    expect(items[0].solution).toContain("for idx, elem in enumerate(numbers)");
  });

  it("reads MultiPL-E prompts (no solutions) and its canonical completions", async () => {
    const cs = await loadBenchmarkFile(`${B}/multipl-e/humaneval-cs.jsonl`);
    expect(cs.length).toBeGreaterThanOrEqual(158);
    expect(cs[0]).toMatchObject({ benchmark: "humaneval-cs", id: "HumanEval_0_has_close_elements", solution: undefined });
    expect(cs[0].prompt).toContain("using System;");
    const completions = await loadBenchmarkFile(`${B}/multipl-e/humaneval-py-canonical-completions.jsonl`, "mpe-py");
    expect(completions).toHaveLength(161);
    expect(completions[0]).toMatchObject({ benchmark: "mpe-py", id: "HumanEval_0_has_close_elements" });
    expect(completions[0].solution).toContain("enumerate(numbers)");
  });

  it("reads MBPP sanitized JSON: prompt text and code", async () => {
    const items = await loadBenchmarkFile(`${B}/mbpp/sanitized-mbpp.json`);
    expect(items).toHaveLength(426);
    expect(items[0]).toMatchObject({ benchmark: "sanitized-mbpp", id: "2" });
    expect(items[0].prompt).toMatch(/^Write a function/);
    expect(items[0].solution).toContain("def similar_elements");
  });

  it("reads HumanEval-X and McEval files", async () => {
    const x = await loadBenchmarkFile(`${B}/humaneval-x/humaneval_cpp.jsonl`);
    expect(x).toHaveLength(164);
    expect(x[0].id).toBe("CPP/0");
    const mc = await loadBenchmarkFile(`${B}/mceval/Shell.jsonl`);
    expect(mc.length).toBeGreaterThanOrEqual(50);
    expect(mc.every((i) => i.prompt && i.solution)).toBe(true);
  });

  it("rejects unreadable and malformed files with a clear error", async () => {
    await expect(loadBenchmarkFile(`${B}/does-not-exist.jsonl`)).rejects.toMatchObject({ code: "not_found:benchmark" });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-"));
    await fs.writeFile(`${dir}/bad.jsonl`, '{"task_id": "a", "prompt": "x"}\n{not json}\n');
    await expect(loadBenchmarkFile(`${dir}/bad.jsonl`)).rejects.toMatchObject({ code: "invalid:benchmark", message: expect.stringContaining("line 2") });
    await fs.writeFile(`${dir}/other.jsonl`, '{"foo": 1}\n');
    await expect(loadBenchmarkFile(`${dir}/other.jsonl`)).rejects.toMatchObject({ code: "invalid:benchmark" });
    await fs.rm(dir, { recursive: true });
  });
});
