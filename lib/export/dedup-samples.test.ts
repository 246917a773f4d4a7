import { describe, expect, it } from "vitest";
import { dedupExportSamples } from "./dedup-samples";

const LONG = "Write a Python function that reads a list of closed integer intervals, merges every pair that overlaps or touches, and returns the merged intervals sorted by their start; an empty list gives an empty list, and intervals given with their end before their start are rejected with a ValueError that names the bad interval";
const CODE = "def merge(intervals):\n    out = []\n    for start, end in sorted(intervals):\n        if end < start:\n            raise ValueError((start, end))\n        if out and start <= out[-1][1] + 1:\n            out[-1][1] = max(out[-1][1], end)\n        else:\n            out.append([start, end])\n    return out\n";

describe("the export's dedup", () => {
  it("drops exact copies (whitespace aside), then near-duplicate instructions, then near-duplicate code, keeping the first; only within a language", () => {
    const items = [
      { id: "a", instruction: LONG, code: CODE },
      { id: "java", language: "java", instruction: LONG, code: CODE },
      { id: "exact", instruction: `  ${LONG.replace(/ /g, "  ")}\n`, code: CODE.replace(/\n/g, "\n\n") },
      { id: "near-i", instruction: LONG.replace("sorted by their start", "ordered by their start"), code: "print('something else entirely')" },
      { id: "near-c", instruction: "Reverse a linked list in place and return its new head.", code: CODE.replace("out = []", "out = list()") },
      { id: "other", instruction: "Count the vowels of a string, case-insensitively, and return the count.", code: "def vowels(s):\n    return sum(c in 'aeiou' for c in s.lower())\n" },
    ];
    const r = dedupExportSamples(items.map((i) => ({ language: "py", ...i })));
    expect(r.kept).toEqual(["a", "java", "other"]);
    expect(r.dropped.map((d) => [d.id, d.duplicateOf, d.kind])).toEqual([["exact", "a", "exact"], ["near-i", "a", "near-instruction"], ["near-c", "a", "near-code"]]);
    expect(r.dropped.every((d) => d.similarity >= 0.7 && d.similarity <= 1)).toBe(true);
    expect(r.report).toMatchObject({ enabled: true, threshold: 0.7, checked: 6, removed: 3, byKind: { exact: 1, "near-instruction": 1, "near-code": 1 } });
  });

  it("keeps samples below the threshold: the same task asked for differently, or a template with another body", () => {
    const half = LONG.split(" ").slice(0, 25).join(" ");
    const items = [
      { id: "a", instruction: LONG, code: CODE },
      { id: "b", instruction: `${half} and also prints each merged interval on its own line with a running total of the covered length`, code: "def f(x):\n    return [y * 2 for y in x if y % 3]\n" },
      { id: "c", instruction: "Write a Java method that merges overlapping intervals.", code: "class M { int[][] merge(int[][] a) { return a; } }" },
    ];
    expect(dedupExportSamples(items.map((i) => ({ language: "py", ...i }))).kept).toEqual(["a", "b", "c"]);
  });
});
