import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCorpusPath, splitSource } from "./read-corpus-path";

const dir = mkdtempSync(path.join(os.tmpdir(), "xi-corpus-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("reading --corpus PATH", () => {
  it("walks a folder, takes languages from extensions, skips other files and vendored folders", () => {
    mkdirSync(path.join(dir, "src/node_modules/x"), { recursive: true });
    writeFileSync(path.join(dir, "src/a.py"), "def a():\n    return 1\n");
    writeFileSync(path.join(dir, "src/B.java"), "class B {}\n");
    writeFileSync(path.join(dir, "src/run.sh"), "echo hi\n");
    writeFileSync(path.join(dir, "src/README.md"), "# docs\n");
    writeFileSync(path.join(dir, "src/node_modules/x/i.js"), "module.exports = 1;\n");
    const { snippets } = readCorpusPath(path.join(dir, "src"));
    expect(snippets.map((s) => [s.path, s.language])).toEqual([["a.py", "py"], ["B.java", "java"], ["run.sh", "sh"]]);
    expect(snippets[0].content).toBe("def a():\n    return 1");
  });

  it("reads a JSONL of {content, language} with language names or ids, and names the bad line", () => {
    const file = path.join(dir, "c.jsonl");
    writeFileSync(file, `${JSON.stringify({ content: "x = 1", language: "Python" })}\n\n${JSON.stringify({ content: "int x;", language: "c++" })}\n`);
    expect(readCorpusPath(file).snippets).toEqual([{ content: "x = 1", language: "py" }, { content: "int x;", language: "cpp" }]);
    writeFileSync(file, `${JSON.stringify({ content: "x = 1" })}\n`);
    expect(() => readCorpusPath(file)).toThrow(/c\.jsonl:1: needs "content" and "language"/);
    expect(() => readCorpusPath(path.join(dir, "missing"))).toThrow(/No such file or folder/);
  });

  it("cuts long files at blank lines into pieces of at most ~1024 tokens, keeping every line", () => {
    const fns = Array.from({ length: 120 }, (_, i) => `def f${i}(x):\n    y = x * ${i}\n    return y + ${"1".repeat(20)}\n`);
    const text = fns.join("\n");
    const pieces = splitSource(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.content.length).toBeLessThanOrEqual(4096);
      expect(p.content.startsWith("def f")).toBe(true); // cut between functions, not inside one
    }
    expect(pieces.map((p) => p.content).join("\n\n")).toBe(text.trim());
    expect(pieces[1].startLine).toBeGreaterThan(1);
  });
});
