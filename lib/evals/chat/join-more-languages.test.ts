import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parseMultiplE } from "@/lib/evals/loaders/multipl-e";
import type { BenchmarkProblem, Language } from "@/lib/evals/types";
import { SandboxPool } from "@/lib/sandbox/pool";
import { joinChatCode } from "./qwen-join";

const load = (lang: Language) => {
  const f = `../shared/benchmarks/multipl-e/humaneval-${lang}.jsonl`;
  const p = parseMultiplE(readFileSync(f, "utf8"), f).find((x) => x.id === "HumanEval_53_add") as Extract<BenchmarkProblem, { format: "multipl-e" }>;
  return { p, ctx: { language: lang, name: p.id, prompt: p.prompt, tests: p.tests } };
};

const pool = new SandboxPool({ size: 2 });
afterAll(() => pool.close());

// Chat answers (a whole function, no preamble) for languages Qwen's harness does not cover.
const WHOLE: [Language, string, string][] = [
  ["go", "func add(x int, y int) int {\n    return x + y\n}\n", "func add(x int, y int) int {\n    return x - y\n}\n"],
  ["rb", "def add(x, y)\n  x + y\nend\n", "def add(x, y)\n  x - y\nend\n"],
  ["rkt", "(define (add x y)\n  (+ x y))\n", "(define (add x y)\n  (- x y))\n"],
  ["d", "long add(long x, long y) {\n    return x + y;\n}\n", "long add(long x, long y) {\n    return x - y;\n}\n"],
];

describe("chat answers in the more languages are joined with the prompt's preamble and run against MultiPL-E's tests", () => {
  it("keeps Go's package line and imports, Racket's #lang, D's import; a wrong answer still fails", async () => {
    const specs = WHOLE.flatMap(([language, good, wrong]) => {
      const { p, ctx } = load(language);
      return [good, wrong].map((answer) => ({ language, program: joinChatCode(answer, ctx) + "\n" + p.tests }));
    });
    expect(specs[0].program.startsWith("package add_test\n\nimport (")).toBe(true);
    expect(specs[4].program.startsWith("#lang racket\n")).toBe(true);
    const results = await pool.runMany(specs);
    expect(results.map((r) => r.status)).toEqual(["ok", "exception", "ok", "exception", "ok", "exception", "ok", "exception"]);
  }, 180_000);

  it("Rust: a whole function loses the closing brace the tests supply; a body-only answer follows the prompt", () => {
    const { p, ctx } = load("rs");
    const whole = joinChatCode("fn add(x: isize, y: isize) -> isize {\n    x + y\n}\n", ctx) + "\n" + p.tests;
    expect(whole.split("{").length).toBe(whole.split("}").length);
    expect(joinChatCode("    x + y\n", ctx)).toBe(`${ctx.prompt}    x + y\n`);
  });
});
