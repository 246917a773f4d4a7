import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { countCodeTokens } from "@/lib/domain/tokenize-code";
import { splitIntoSnippets } from "./split-snippets";

const B = "../shared/benchmarks";
const jsonl = (f: string) => fs.readFileSync(`${B}/${f}`, "utf8").trim().split("\n").map((l) => JSON.parse(l));

/** A real multi-function file: HumanEval-X solutions of one language glued together. */
function bigFile(file: string, n: number): string {
  return jsonl(file)
    .slice(0, n)
    .map((r: { prompt: string; canonical_solution: string; declaration?: string }) => r.prompt + r.canonical_solution)
    .join("\n\n");
}

describe("splitIntoSnippets", () => {
  it("keeps a file that fits as one snippet", async () => {
    const code = "def add(a, b):\n    return a + b\n";
    const parts = await splitIntoSnippets(code, "py");
    expect(parts).toEqual([{ content: code.trimEnd(), startLine: 1, endLine: 2, tokens: countCodeTokens(code.trimEnd()), method: "whole" }]);
  });

  for (const [lang, file] of [
    ["py", "humaneval-x/humaneval_python.jsonl"],
    ["java", "humaneval-x/humaneval_java.jsonl"],
    ["cpp", "humaneval-x/humaneval_cpp.jsonl"],
    ["js", "humaneval-x/humaneval_js.jsonl"],
  ] as const) {
    it(`cuts ${lang} only between whole functions with a real parser, within the token bound`, async () => {
      // 30 real problems (prompt + solution, ≤ 600 tokens each) glued into one file
      const items = jsonl(file).slice(0, 30).map((r: { prompt: string; canonical_solution: string }) => (r.prompt + r.canonical_solution).trim());
      const text = items.join("\n\n");
      const itemStarts = new Set(items.map((it: string) => it.split("\n")[0]));
      const parts = await splitIntoSnippets(text, lang, { maxTokens: 600 });
      expect(parts.length).toBeGreaterThan(5);
      for (const p of parts) {
        expect(p.tokens).toBeLessThanOrEqual(600);
        expect(p.method).toBe("tree-sitter");
        expect(itemStarts.has(p.content.split("\n")[0]), p.content.slice(0, 80)).toBe(true);
        expect(text.split("\n").slice(p.startLine - 1, p.endLine).join("\n")).toBe(p.content);
      }
      // nothing is lost: the snippets tile the file
      expect(parts.map((p) => p.content).join("\n\n")).toBe(text);
    });
  }

  it("cuts inside a function only when the function alone is over the bound", async () => {
    const text = bigFile("humaneval-x/humaneval_cpp.jsonl", 30);
    const parts = await splitIntoSnippets(text, "cpp", { maxTokens: 300 });
    expect(parts.every((p) => p.tokens <= 300)).toBe(true);
    const covered = new Set(parts.flatMap((p) => p.content.split("\n").map((l) => l.trim())));
    for (const line of text.split("\n")) if (line.trim()) expect(covered.has(line.trim())).toBe(true);
  });

  it("descends into a class that is too big and cuts between its methods", async () => {
    const methods = Array.from({ length: 12 }, (_, i) => `    def method_${i}(self, x):\n        y = x * ${i}\n        return y + self.base_${i}\n`);
    const code = `class Big:\n    """A class."""\n\n${methods.join("\n")}`;
    const parts = await splitIntoSnippets(code, "py", { maxTokens: 60 });
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.tokens).toBeLessThanOrEqual(60);
      expect(p.content).toMatch(/^(class Big:|    def method_\d+)/);
    }
  });

  it("one function per snippet when packing is off", async () => {
    const code = Array.from({ length: 6 }, (_, i) => `// adds ${i}\nfunction add${i}(a) {\n  return a + ${i};\n}`).join("\n\n");
    const parts = await splitIntoSnippets(code, "js", { maxTokens: 40, packUnits: false });
    expect(parts.map((p) => p.content.split("\n")[0])).toEqual(Array.from({ length: 6 }, (_, i) => `// adds ${i}`));
    expect(parts.every((p) => p.content.includes("function add"))).toBe(true);
  });

  it("falls back to line windows for a node with no structure to cut", async () => {
    const longString = `x = """\n${Array.from({ length: 200 }, (_, i) => `line ${i} of a long literal`).join("\n")}\n"""\n`;
    const parts = await splitIntoSnippets(longString, "py", { maxTokens: 100 });
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.every((p) => p.tokens <= 100)).toBe(true);
  });

  it("cuts a single huge line between tokens", async () => {
    const line = `const a = [${Array.from({ length: 2000 }, (_, i) => i).join(",")}];`;
    const parts = await splitIntoSnippets(line, "js", { maxTokens: 256 });
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.every((p) => p.tokens <= 256)).toBe(true);
    expect(parts.map((p) => p.content).join("")).toBe(line);
  });

  it("parses every supported language's grammar", async () => {
    const samples: Record<string, string> = {
      cs: "class A { int F() { return 1; } }\n",
      ts: "function f(x: number): number { return x; }\n",
      php: "<?php\nfunction f($x) { return $x; }\n",
      sh: "f() {\n  echo \"$1\"\n}\n",
    };
    for (const [lang, unit] of Object.entries(samples)) {
      const code = Array.from({ length: 40 }, () => unit).join("\n");
      const parts = await splitIntoSnippets(code, lang as "cs", { maxTokens: 64 });
      expect(parts.length, lang).toBeGreaterThan(3);
      expect(parts.every((p) => p.method === "tree-sitter" && p.tokens <= 64), lang).toBe(true);
    }
  });
});
