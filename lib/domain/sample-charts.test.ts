import { describe, expect, it } from "vitest";
import { approxTokens, niceStep, passRateByLanguage, samplesPerLanguage, samplesPerPart, scoreHistogram, tokenLengthHistogram, type CountGroup } from "./sample-charts";

const groups: CountGroup[] = [
  { language: "py", part: "ds1", verdict: "ok", n: 6 },
  { language: "py", part: "ds3", verdict: "exception", n: 2 },
  { language: "py", part: "ds3", verdict: null, n: 4 },
  { language: "cpp", part: "ds2", verdict: "ok", n: 1 },
  { language: "cpp", part: "ds2", verdict: "syntax_error", n: 3 },
  { language: "sh", part: "ds1", verdict: "unavailable", n: 5 },
];

describe("sample chart data", () => {
  it("counts samples per language split by part, most first, with readable names", () => {
    expect(samplesPerLanguage(groups)).toEqual([
      { language: "py", label: "Python", total: 12, ds1: 6, ds2: 0, ds3: 6, ds4: 0 },
      { language: "sh", label: "Bash", total: 5, ds1: 5, ds2: 0, ds3: 0, ds4: 0 },
      { language: "cpp", label: "C++", total: 4, ds1: 0, ds2: 4, ds3: 0, ds4: 0 },
    ]);
  });

  it("counts samples per part in Ds1..Ds4 order, empty parts shown as zero", () => {
    expect(samplesPerPart(groups)).toEqual([
      { part: "ds1", label: "Ds1", n: 11 },
      { part: "ds2", label: "Ds2", n: 4 },
      { part: "ds3", label: "Ds3", n: 6 },
      { part: "ds4", label: "Ds4", n: 0 },
    ]);
  });

  it("computes pass rate over executed samples only", () => {
    const r = passRateByLanguage(groups);
    expect(r.find((x) => x.language === "py")).toMatchObject({ executed: 8, passed: 6, notRun: 4, rate: 0.75 });
    expect(r.find((x) => x.language === "cpp")).toMatchObject({ executed: 4, passed: 1, rate: 0.25 });
    expect(r.find((x) => x.language === "sh")).toMatchObject({ executed: 0, notRun: 5, rate: null });
  });

  it("bins scores on the 1-5 scale in halves, the top score in the last bin, unscored apart", () => {
    const h = scoreHistogram([{ score: 1, n: 2 }, { score: 3.4, n: 1 }, { score: 3.5, n: 4 }, { score: 5, n: 3 }, { score: null, n: 7 }]);
    expect(h.unscored).toBe(7);
    expect(h.bins.map((b) => b.label)).toEqual(["1–1.5", "1.5–2", "2–2.5", "2.5–3", "3–3.5", "3.5–4", "4–4.5", "4.5–5"]);
    expect(h.bins.map((b) => b.n)).toEqual([2, 0, 0, 0, 1, 4, 0, 3]);
    const ten = scoreHistogram([{ score: 7, n: 1 }, { score: 10, n: 1 }]);
    expect(ten.bins).toHaveLength(9);
    expect(ten.bins.at(-1)).toMatchObject({ label: "9–10", n: 1 });
  });

  it("puts problem and solution lengths on shared round bins with an open last bin", () => {
    const problem = Array.from({ length: 100 }, (_, i) => i * 2); // 0..198
    const solution = [...Array.from({ length: 99 }, () => 50), 5000]; // one outlier
    const h = tokenLengthHistogram(problem, solution, 10);
    expect(h.bins[0]).toMatchObject({ from: 0, to: 20, label: "0–19" });
    expect(h.bins.reduce((s, b) => s + b.problem, 0)).toBe(100);
    expect(h.bins.reduce((s, b) => s + b.solution, 0)).toBe(100);
    expect(h.bins.find((b) => b.from === 40)!.solution).toBe(99);
    expect(h.bins.at(-1)!.label).toMatch(/^≥ /);
    expect(h.bins.at(-1)!.solution).toBe(1); // the outlier, not a 250-bin-wide chart
    expect(h.problem).toMatchObject({ count: 100, median: 98, max: 198 });
    expect(h.solution.max).toBe(5000);
    expect(tokenLengthHistogram([], []).bins).toEqual([]);
  });

  it("approximates token counts of code", () => {
    expect(approxTokens("")).toBe(0);
    expect(approxTokens("def f(x):\n    return x + 1")).toBe(11);
    expect(approxTokens("parseHeaderLine")).toBe(2);
    expect(niceStep(13)).toBe(20);
    expect(niceStep(0.3)).toBe(1);
    expect(niceStep(240)).toBe(250);
  });
});
