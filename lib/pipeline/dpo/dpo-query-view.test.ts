import { describe, expect, it } from "vitest";
import { buildDpoQueryView } from "./dpo-query-view";

const base = { runId: "r", sampleId: "s", language: "py", instruction: "Sum.", tests: "assert f() == 1", noPassing: false, noFailing: false };
const out = (exitCode: number) => ({ exitCode, stdout: "", stderr: exitCode ? "AssertionError" : "", durationMs: 5 });

describe("buildDpoQueryView", () => {
  it("points each pair at its answers (matched after trimming) and each answer at its pairs", () => {
    const v = buildDpoQueryView(
      base,
      [{ text: "good", verdict: "ok", count: 3 }, { text: "bad", verdict: "exception", count: 2 }, { text: "worse", verdict: "syntax_error", count: 1 }, { text: "fine", verdict: "ok", count: 2 }],
      [
        { id: "p1", chosen: "good\n", rejected: "bad", chosenVerdict: "ok", rejectedVerdict: "exception" },
        { id: "p2", chosen: "fine", rejected: "worse", chosenVerdict: "ok", rejectedVerdict: "syntax_error" },
        { id: "p3", chosen: "good", rejected: "worse", chosenVerdict: "ok", rejectedVerdict: "syntax_error" },
      ],
      (i) => out(i === 0 || i === 3 ? 0 : 1),
    );
    expect(v.sampled).toBe(8);
    expect(v.pairs.map((p) => [p.id, p.chosen, p.rejected])).toEqual([["p1", 0, 1], ["p2", 3, 2], ["p3", 0, 2]]);
    expect(v.answers.map((a) => [a.text, a.passed, a.chosenIn, a.rejectedIn])).toEqual([
      ["good", true, [0, 2], []],
      ["bad", false, [], [0]],
      ["worse", false, [], [1, 2]],
      ["fine", true, [1], []],
    ]);
    expect(v.answers[1].execution).toEqual(out(1));
  });

  it("leaves out a pair whose answers are not among the stored ones", () => {
    const v = buildDpoQueryView(base, [{ text: "good", verdict: "ok", count: 1 }], [{ id: "p", chosen: "good", rejected: "gone", chosenVerdict: "ok", rejectedVerdict: "exception" }], () => null);
    expect(v.pairs).toEqual([]);
    expect(v.answers[0]).toMatchObject({ chosenIn: [], execution: null });
  });
});
