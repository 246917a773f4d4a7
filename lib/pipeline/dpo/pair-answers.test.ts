import { describe, expect, it } from "vitest";
import { distinctAnswers, pairAnswers, type ScoredAnswer } from "./pair-answers";

const ok = (text: string): ScoredAnswer => ({ text, passed: true, verdict: "ok" });
const bad = (text: string): ScoredAnswer => ({ text, passed: false, verdict: "exception" });

describe("pairAnswers", () => {
  it("dedups identical answers and pairs every passing with every failing one, shortest chosen first", () => {
    const r = pairAnswers([ok("long pass"), bad("f1"), ok("p"), bad("f1 "), bad("f2"), ok("p")], { maxPairs: 10, preferShortest: true });
    expect(r.distinctPassing).toBe(2);
    expect(r.distinctFailing).toBe(2);
    expect(r.pairs.map((p) => [p.chosen.text, p.rejected.text])).toEqual([["p", "f1"], ["long pass", "f2"], ["p", "f2"], ["long pass", "f1"]]);
  });

  it("caps pairs at k per query, keeping the shortest passing answer first", () => {
    const r = pairAnswers([ok("ccc"), ok("a"), ok("bb"), bad("x"), bad("y")], { maxPairs: 2, preferShortest: true });
    expect(r.pairs.map((p) => [p.chosen.text, p.rejected.text])).toEqual([["a", "x"], ["bb", "y"]]);
  });

  it("keeps sampling order without the shortest preference", () => {
    const r = pairAnswers([ok("ccc"), ok("a"), bad("x")], { maxPairs: 1, preferShortest: false });
    expect(r.pairs[0].chosen.text).toBe("ccc");
  });

  it("forms no pair when a query has no passing or no failing answer", () => {
    expect(pairAnswers([ok("a"), ok("b")], { maxPairs: 5, preferShortest: true }).pairs).toEqual([]);
    expect(pairAnswers([bad("a")], { maxPairs: 5, preferShortest: true })).toMatchObject({ pairs: [], distinctPassing: 0, distinctFailing: 1 });
  });
});

describe("distinctAnswers", () => {
  it("lists each answer once with how often it was sampled and its verdict", () => {
    expect(distinctAnswers([ok("a"), bad("b"), ok("a "), ok("a")])).toEqual([{ text: "a", verdict: "ok", count: 3 }, { text: "b", verdict: "exception", count: 1 }]);
  });
});
