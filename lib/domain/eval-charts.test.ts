import { describe, expect, it } from "vitest";
import { prepareAblationTable, prepareCompare, prepareDataSizeCurve, prepareGroupAverages, prepareLanguageBars, prepareLanguageBias, prepareTable1, type RunScores } from "./eval-charts";

const langs = ["py", "java", "cpp", "cs", "ts", "js", "php", "sh"];
const run = (id: string, perLang: number[], extra: Record<string, number> = {}): RunScores => ({
  id,
  label: id.toUpperCase(),
  scores: [
    ...langs.map((l, i) => ({ benchmark: "multipl-e", language: l, passAtK: { 1: perLang[i] } })),
    ...Object.entries(extra).map(([b, v]) => ({ benchmark: b, language: "py", passAtK: { 1: v } })),
  ],
});

describe("eval chart data", () => {
  it("bars: one per language in MultiPL-E order, then HumanEval/MBPP, as percentages", () => {
    const bars = prepareLanguageBars(run("a", [0.5, 0.25, 0.125, 1, 0, 0.3333, 0.6667, 0.1], { humaneval: 0.8841, mbpp: 0.5 }));
    expect(bars.map((b) => [b.label, b.value])).toEqual([
      ["Python", 50], ["Java", 25], ["C++", 12.5], ["C#", 100], ["TypeScript", 0], ["JavaScript", 33.3], ["PHP", 66.7], ["Bash", 10],
      ["HumanEval", 88.4], ["MBPP", 50],
    ]);
  });

  it("compare: grouped values and deltas against the chosen baseline", () => {
    const a = run("a", [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    const b = run("b", [0.6, 0.4, 0.5, 0.55, 0.5, 0.5, 0.5, 0.123]);
    const rows = prepareCompare([a, b], "a");
    expect(rows[0]).toEqual({ column: "py", label: "Python", values: { a: 50, b: 60 }, deltas: { b: 10 } });
    expect(rows[1].deltas).toEqual({ b: -10 });
    expect(rows[7].deltas).toEqual({ b: -37.7 });
    expect(() => prepareCompare([a], "zzz")).toThrow(RangeError);
  });

  it("Table 1: average over the eight languages only when all are present; reference rows keep their source", () => {
    const full = run("full", [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2], { humaneval: 0.9 });
    const partial: RunScores = { id: "p", label: "P", scores: [{ benchmark: "multipl-e", language: "py", passAtK: { 1: 0.5 } }] };
    const rows = prepareTable1([full, partial], [{ label: "Paper xCoder 7B", source: "arXiv:2502.07487 Table 1", cells: { py: 84.1, avg: 67.6 } }]);
    expect(rows[0].cells).toMatchObject({ humaneval: 90, py: 90, sh: 20, avg: 55, mbpp: null });
    expect(rows[1].cells.avg).toBeNull();
    expect(rows[2]).toMatchObject({ label: "Paper xCoder 7B", reference: "arXiv:2502.07487 Table 1", cells: { py: 84.1, avg: 67.6, java: null } });
  });

  it("data-size curve is sorted by size", () => {
    const curve = prepareDataSizeCurve([
      { size: 1.0, run: run("x", [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]) },
      { size: 0.25, run: run("y", [0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4]) },
    ]);
    expect(curve.map((p) => [p.size, p.values.py, p.values.avg])).toEqual([[0.25, 40, 40], [1, 80, 80]]);
  });

  it("bias view: data share vs pass rate per language with their correlation", () => {
    const counts = { py: 400, java: 200, cpp: 100, cs: 100, ts: 100, js: 50, php: 30, sh: 20 };
    const r = run("r", [0.8, 0.6, 0.5, 0.5, 0.5, 0.4, 0.35, 0.2]);
    const { points, correlation } = prepareLanguageBias(counts, r);
    expect(points[0]).toEqual({ language: "py", label: "Python", group: "high", dataShare: 40, passRate: 80 });
    expect(points.reduce((s, p) => s + p.dataShare, 0)).toBeCloseTo(100, 6);
    expect(correlation).toBeGreaterThan(0.8);
    expect(prepareLanguageBias({}, run("z", [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5])).correlation).toBeNull();
  });

  it("ablation table (Table 2): the paper's own rows give its averages and deltas against the full data", () => {
    const four = (id: string, v: number[]): RunScores => ({ id, label: id, scores: ["py", "java", "cpp", "cs"].map((l, i) => ({ benchmark: "multipl-e", language: l, passAtK: { 1: v[i] / 100 } })) });
    const t = prepareAblationTable([
      { key: "full", label: "Qwen2.5-xCoder", run: four("1", [90.9, 76.6, 72.7, 79.1]) },
      { key: "no-ds4", label: "− Ds4", run: four("2", [89.6, 74.7, 73.3, 79.1]) },
      { key: "no-ds3", label: "− Ds3", run: four("3", [82.9, 69.6, 68.3, 70.3]) },
      { key: "size:0.5", label: "50%", run: null },
    ], "full");
    expect(t.columns).toEqual(["py", "java", "cpp", "cs"]);
    expect(t.rows.map((r) => r.cells.avg)).toEqual([79.8, 79.2, 72.8, null]);
    expect(t.rows[0].deltas).toEqual({});
    expect(t.rows[1].deltas).toEqual({ py: -1.3, java: -1.9, cpp: 0.6, cs: 0, avg: -0.6 });
    expect(t.rows[2].deltas.avg).toBe(-7);
    expect(t.rows[3]).toMatchObject({ cells: { py: null, avg: null }, deltas: {} });
  });

  it("ablation table: a variant missing a language has no average; HumanEval alone is averaged over itself", () => {
    const t = prepareAblationTable([
      { key: "full", label: "F", run: { id: "f", label: "F", scores: [{ benchmark: "multipl-e", language: "py", passAtK: { 1: 0.5 } }, { benchmark: "multipl-e", language: "sh", passAtK: { 1: 0.3 } }] } },
      { key: "no-ds1", label: "N", run: { id: "n", label: "N", scores: [{ benchmark: "multipl-e", language: "py", passAtK: { 1: 0.6 } }] } },
    ], "full");
    expect(t.rows.map((r) => r.cells.avg)).toEqual([40, null]);
    expect(t.rows[1].deltas).toEqual({ py: 10 });
    const he = prepareAblationTable([{ key: "full", label: "F", run: { id: "f", label: "F", scores: [{ benchmark: "humaneval", language: "py", passAtK: { 1: 0.25 } }] } }], "full");
    expect(he.columns).toEqual(["humaneval"]);
    expect(he.rows[0].cells.avg).toBe(25);
  });

  it("high- and low-resource languages: the bias view and the compare page average each group apart", () => {
    const more = (id: string, scores: Record<string, number>): RunScores => ({ id, label: id, scores: Object.entries(scores).map(([language, v]) => ({ benchmark: "multipl-e", language, passAtK: { 1: v } })) });
    const base = more("base", { py: 0.8, java: 0.6, go: 0.4, sh: 0.3, lua: 0.2, rkt: 0.1 });
    const tuned = more("tuned", { py: 0.8, java: 0.7, lua: 0.4, rkt: 0.3, d: 0.2 });
    const bias = prepareLanguageBias({ py: 60, java: 20, go: 10, sh: 5, lua: 4, rkt: 1 }, base);
    expect(bias.points.map((p) => [p.language, p.group])).toEqual([["py", "high"], ["java", "high"], ["sh", "low"], ["go", "high"], ["lua", "low"], ["rkt", "low"]]);
    expect(bias.groups).toEqual([
      { group: "high", label: "High-resource", languages: ["py", "java", "go"], passRate: 60, dataShare: 90 },
      { group: "low", label: "Low-resource", languages: ["sh", "lua", "rkt"], passRate: 20, dataShare: 10 },
    ]);
    const rows = prepareGroupAverages([base, tuned]);
    expect(rows).toEqual([
      { group: "high", label: "High-resource languages (mean)", values: { base: 60, tuned: 75 }, counts: { base: 3, tuned: 2 } },
      { group: "low", label: "Low-resource languages (mean)", values: { base: 20, tuned: 30 }, counts: { base: 3, tuned: 3 } },
    ]);
    // Table 1's average stays the paper's: over its eight languages only.
    expect(prepareTable1([tuned])[0].cells.avg).toBeNull();
    expect(prepareCompare([base, tuned], "base").map((r) => r.label)).toEqual(["Python", "Java", "Bash", "Go", "Lua", "Racket", "D"]);
  });
});
