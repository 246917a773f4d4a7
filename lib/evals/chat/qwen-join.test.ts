import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMultiplE } from "@/lib/evals/loaders/multipl-e";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import type { BenchmarkProblem, Language } from "@/lib/evals/types";
import { cutAtNthClosingBraceFromEnd, joinChatCode } from "./qwen-join";

const load = (lang: Language, name: string) => {
  const f = `../shared/benchmarks/multipl-e/humaneval-${lang}.jsonl`;
  const p = parseMultiplE(readFileSync(f, "utf8"), f).find((x) => x.id === name) as Extract<BenchmarkProblem, { format: "multipl-e" }>;
  return { p, ctx: { language: lang, name: p.id, prompt: p.prompt, tests: p.tests } };
};

describe("joinChatCode (Qwen2.5-Coder MultiPL-E chat rules)", () => {
  it("java: a whole class answer loses its main, then the method and class braces the tests supply", () => {
    const { p, ctx } = load("java", "HumanEval_53_add");
    const answer = "import java.util.*;\npublic class Problem {\n    public static long add(long x, long y) {\n        return x + y;\n    }\n    public static void main(String[] args) {\n        System.out.println(add(1, 2));\n    }\n}\n";
    const program = joinChatCode(answer, ctx) + "\n" + p.tests;
    expect(program).not.toContain("System.out.println");
    expect(program).not.toContain("public class");
    // exactly one class and balanced braces once the tests close them
    expect(program.split("{").length).toBe(program.split("}").length);
    expect(program).toMatch(/class Problem \{\n    public static long add\(long x, long y\) \{\n        return x \+ y;\n    \}\n    public static void main/);
  });

  it("java: a bare method body is re-joined with the prompt", () => {
    const { ctx } = load("java", "HumanEval_53_add");
    const joined = joinChatCode("        return x + y;\n", ctx);
    expect(joined).toContain(ctx.prompt);
    expect(joined.startsWith("import java.util.*;")).toBe(true);
  });

  it("cpp: drops main and `using namespace std;`, adds missing includes, cuts the function's brace", () => {
    const { p, ctx } = load("cpp", "HumanEval_53_add");
    const answer = "#include <iostream>\nusing namespace std;\nlong add(long x, long y) {\n    return x + y;\n}\nint main() {\n    cout << add(1, 2);\n}\n";
    const joined = joinChatCode(answer, ctx);
    expect(joined).not.toContain("using namespace std;");
    expect(joined).not.toContain("cout");
    expect(joined).toContain("#include<cassert>");
    expect(joined).not.toContain("boost");
    expect(joined.trimEnd().endsWith("return x + y;")).toBe(true);
    expect(p.tests.startsWith("}")).toBe(true);
  });

  it("cs: keeps only class Problem without Main and cuts the two braces the tests supply", () => {
    const { ctx } = load("cs", "HumanEval_53_add");
    const answer = "using System;\nclass Problem {\n    public static long Add(long x, long y) {\n        return x + y;\n    }\n    public static void Main(string[] args) {\n    }\n}\n";
    const joined = joinChatCode(answer, ctx);
    expect(joined).not.toContain("Main");
    expect(joined).toContain("using System.Diagnostics;");
    expect(joined.trimEnd().endsWith("return x + y;")).toBe(true);
  });

  it("sh and php: answers run against MultiPL-E's tests (whole function or body only)", async () => {
    const sh = load("sh", "HumanEval_53_add");
    const php = load("php", "HumanEval_53_add");
    const programs = [
      { id: "sh-whole", language: "sh" as const, program: joinChatCode("add() {\n    echo $(( $1 + $2 ))\n}\n", sh.ctx) + "\n" + sh.p.tests },
      { id: "sh-body", language: "sh" as const, program: joinChatCode("    echo $(( $1 + $2 ))\n}\n", sh.ctx) + "\n" + sh.p.tests },
      { id: "sh-wrong", language: "sh" as const, program: joinChatCode("add() {\n    echo $(( $1 - $2 ))\n}\n", sh.ctx) + "\n" + sh.p.tests },
      { id: "php-whole", language: "php" as const, program: joinChatCode("<?php\nfunction add($x, $y) {\n    return $x + $y;\n}\n?>", php.ctx) + "\n" + php.p.tests },
      { id: "php-body", language: "php" as const, program: joinChatCode("    return $x + $y;\n}\n", php.ctx) + "\n" + php.p.tests },
    ];
    const r = await createLocalTestExecutor()(programs);
    expect(Object.fromEntries([...r].map(([id, x]) => [id, x.status]))).toEqual({
      "sh-whole": "ok", "sh-body": "ok", "sh-wrong": "exception", "php-whole": "ok", "php-body": "ok",
    });
  });

  it("py and js: prepend the prompt only when the function is missing", () => {
    const py = load("py", "HumanEval_53_add");
    expect(joinChatCode("def add(x: int, y: int) -> int:\n    return x + y\n", py.ctx)).not.toContain('"""');
    expect(joinChatCode("    return x + y\n", py.ctx)).toContain(py.p.prompt);
    const js = load("js", "HumanEval_53_add");
    expect(joinChatCode("  return x + y;\n}\n", js.ctx)).toBe(js.p.prompt + "  return x + y;\n}\n");
  });

  it("cutAtNthClosingBraceFromEnd leaves code without such a brace alone", () => {
    expect(cutAtNthClosingBraceFromEnd("a\n}\nb\n}\nc", 2)).toBe("a");
    expect(cutAtNthClosingBraceFromEnd("a\n}\nb", 2)).toBe("a");
    expect(cutAtNthClosingBraceFromEnd("no braces", 1)).toBe("no braces");
  });
});
