import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { jaccardSorted, shingleHashes } from "@/lib/domain/minhash";
import { codeTokens, normalizeWhitespace } from "@/lib/domain/tokenize-code";
import { dedupSnippets } from "./dedup";

const solutions: string[] = fs
  .readFileSync("../shared/benchmarks/humaneval-x/humaneval_python.jsonl", "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l))
  .map((r: { prompt: string; canonical_solution: string }) => r.prompt + r.canonical_solution);

const snip = (ordinal: number, content: string) => ({
  ordinal,
  path: `f${ordinal}.py`,
  startLine: 1,
  endLine: content.split("\n").length,
  content,
  hash: createHash("sha256").update(normalizeWhitespace(content)).digest("hex"),
});

/** Renames one identifier everywhere: a typical near-duplicate edit. */
const rename = (code: string, from: string, to: string) => code.split(from).join(to);

describe("dedupSnippets", () => {
  it("keeps distinct real code untouched", () => {
    const items = solutions.map((c, i) => snip(i, c));
    const { kept, duplicates } = dedupSnippets(items);
    expect(duplicates).toEqual([]);
    expect(kept).toHaveLength(items.length);
  });

  it("drops exact duplicates that differ only in whitespace, naming the first copy", () => {
    const a = snip(0, solutions[3]);
    const b = snip(1, solutions[3].replace(/\n/g, "\r\n").replace(/    /g, "\t") + "\n\n");
    const c = snip(2, solutions[4]);
    const { kept, duplicates } = dedupSnippets([a, b, c]);
    expect(kept.map((s) => s.ordinal)).toEqual([0, 2]);
    expect(duplicates).toEqual([expect.objectContaining({ ordinal: 1, kind: "exact", similarity: 1, duplicateOf: expect.objectContaining({ ordinal: 0 }) })]);
  });

  it("drops near duplicates at or above the threshold with their exact Jaccard, keeps those below", () => {
    const original = solutions[10];
    const nearCopy = original.split("\n").slice(0, -3).join("\n") + "\n    # tweaked\n";
    const renamed = rename(original, "string", "text"); // many small edits: far below 0.7
    const truth = (x: string) => jaccardSorted(shingleHashes(codeTokens(original), 5), shingleHashes(codeTokens(x), 5));
    expect(truth(nearCopy)).toBeGreaterThan(0.8);
    expect(truth(renamed)).toBeLessThan(0.6);
    const items = [snip(0, original), snip(1, solutions[11]), snip(2, nearCopy), snip(3, renamed)];
    const { kept, duplicates } = dedupSnippets(items);
    expect(kept.map((s) => s.ordinal)).toEqual([0, 1, 3]);
    expect(duplicates).toEqual([expect.objectContaining({ ordinal: 2, kind: "near", duplicateOf: expect.objectContaining({ ordinal: 0 }) })]);
    expect(duplicates[0].similarity).toBeCloseTo(truth(nearCopy), 10);
    // A threshold above the pair's similarity keeps both; one below the renamed copy drops it.
    expect(dedupSnippets(items, { threshold: truth(nearCopy) + 0.01 }).kept).toHaveLength(4);
    expect(dedupSnippets(items, { threshold: truth(renamed) - 0.01 }).kept.map((s) => s.ordinal)).toEqual([0, 1]);
  });

  it("finds every planted near duplicate among many snippets (recall)", () => {
    const items = solutions.map((c, i) => snip(i, c));
    const planted: number[] = [];
    for (let i = 0; i < 60; i++) {
      const src = solutions[i];
      // append a line: Jaccard stays well above 0.7 for these real functions
      const copy = `${src}\n    # copy ${i}\n`;
      planted.push(items.length);
      items.push(snip(items.length, copy));
    }
    const { duplicates } = dedupSnippets(items, { exact: false });
    const found = new Set(duplicates.map((d) => d.ordinal));
    expect(planted.filter((p) => !found.has(p))).toEqual([]);
    expect(duplicates.every((d) => d.similarity >= 0.7)).toBe(true);
  });

  it("can be switched off per kind", () => {
    const items = [snip(0, solutions[0]), snip(1, solutions[0])];
    expect(dedupSnippets(items, { exact: false, near: false }).kept).toHaveLength(2);
    expect(dedupSnippets(items, { exact: false }).duplicates[0]).toMatchObject({ kind: "near", similarity: 1 });
  });
});
