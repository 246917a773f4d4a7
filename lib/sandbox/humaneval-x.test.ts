import { afterAll, describe, expect, it } from "vitest";
import { SandboxPool } from "@/lib/sandbox/pool";
import { humanEvalXCases, passesHarness, type HumanEvalXLanguage } from "@/lib/sandbox/testing/humaneval-x";

const pool = new SandboxPool({ size: 2, serversPerLanguage: 1 });
afterAll(() => pool.close());

// A deterministic sample (every 12th problem) keeps the suite short; the benchmark
// (scripts/bench/sandbox) runs all 164 problems of each language.
const EVERY = 12;

describe("HumanEval-X: canonical solutions pass, HumanEvalPack buggy solutions fail", () => {
  it.each(["python", "js", "java", "cpp"] as HumanEvalXLanguage[])("%s", async (language) => {
    const cases = humanEvalXCases(language, EVERY);
    expect(cases.length).toBeGreaterThan(20);
    const results = await pool.runMany(cases.map((c) => c.spec));
    const wrong = cases
      .map((c, i) => ({ c, r: results[i] }))
      .filter(({ c, r }) => passesHarness(language, r) !== (c.kind === "canonical"))
      .map(({ c, r }) => `${c.taskId} ${c.kind}: ${r.status} ${r.stderr.slice(0, 200)} ${(r.compileOutput ?? "").slice(0, 200)}`);
    expect(wrong).toEqual([]);
  }, 240_000);
});
