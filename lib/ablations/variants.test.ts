import { describe, expect, it } from "vitest";
import { parseVariantKey, parseVariants, selectVariantSamples, usesPairs, variantLabel, variantSteps, type CandidateSample } from "./variants";

/** Ten samples of a run: ids a0..a9, parts as the generation stages would leave them. */
const RUN: CandidateSample[] = [
  { id: "a0", part: "ds1" }, { id: "a1", part: "ds2" }, { id: "a2", part: "ds1" }, { id: "a3", part: "ds3" }, { id: "a4", part: "ds2" },
  { id: "a5", part: "ds3" }, { id: "a6", part: "ds3" }, { id: "a7", part: "ds1" }, { id: "a8", part: "ds4" }, { id: "a9", part: "ds2" },
];
const many = (n: number): CandidateSample[] => Array.from({ length: n }, (_, i) => ({ id: `s${String(i).padStart(4, "0")}`, part: `ds${(i % 3) + 1}` }));

describe("ablation variants", () => {
  it("reads the CLI's variant names; the full data comes first and each variant once", () => {
    const v = parseVariants("no-ds1,no-ds2,parallel,size:0.25,size:25%,size:0.5,no-ds1", "centralized");
    expect(v.map((x) => x.key)).toEqual(["full", "no-ds1", "no-ds2", "parallel", "size:0.25", "size:0.5"]);
    expect(v.map(variantLabel)).toEqual(["Full data", "− Ds1", "− Ds2", "Parallel discussion", "25% of the data", "50% of the data"]);
  });

  it("refuses unknown names, fractions out of range, and the run's own discussion mode", () => {
    expect(() => parseVariantKey("no-ds5")).toThrow(/Unknown variant/);
    expect(() => parseVariantKey("size:1.5")).toThrow(/at most 1/);
    expect(() => parseVariantKey("size:0")).toThrow(/above 0/);
    expect(() => parseVariants(["parallel"], "parallel")).toThrow(/already uses parallel/);
    expect(parseVariants(["centralized"], "parallel").map((x) => x.key)).toEqual(["full", "centralized"]);
  });

  it("selects exactly the run's samples without the left-out part", () => {
    const pick = (key: string) => selectVariantSamples(RUN, parseVariantKey(key), 7);
    expect(pick("full")).toEqual(["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"]);
    expect(pick("no-ds1")).toEqual(["a1", "a3", "a4", "a5", "a6", "a8", "a9"]);
    expect(pick("no-ds2")).toEqual(["a0", "a2", "a3", "a5", "a6", "a7", "a8"]);
    expect(pick("no-ds3")).toEqual(["a0", "a1", "a2", "a4", "a7", "a8", "a9"]);
    expect(pick("no-ds4")).toEqual(["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a9"]);
    expect(pick("parallel")).toEqual(pick("full")); // its own run's samples, all of them
  });

  it("size subsets: ⌈fraction·n⌉ samples, the same for the same seed in any input order, nested across fractions", () => {
    const samples = many(203);
    const fractions = [0.1, 0.25, 0.5, 0.75, 1];
    const subsets = fractions.map((f) => selectVariantSamples(samples, parseVariantKey(`size:${f}`), 42));
    expect(subsets.map((s) => s.length)).toEqual([21, 51, 102, 153, 203]);
    const shuffled = [...samples].reverse();
    expect(fractions.map((f) => selectVariantSamples(shuffled, parseVariantKey(`size:${f}`), 42))).toEqual(subsets);
    for (let i = 1; i < subsets.length; i++) {
      const larger = new Set(subsets[i]);
      expect(subsets[i - 1].every((id) => larger.has(id))).toBe(true);
    }
    expect(subsets[4]).toEqual(samples.map((s) => s.id));
    // another seed draws another subset, of the same size
    const other = selectVariantSamples(samples, parseVariantKey("size:0.25"), 43);
    expect(other).toHaveLength(51);
    expect(other).not.toEqual(subsets[1]);
    // not just the first ids: the subset is spread over the run
    expect(subsets[1].some((id) => id > "s0150")).toBe(true);
  });

  it("chains dataset → training (→ DPO on Ds4) → evaluation; a mode variant generates its run first", () => {
    const ds4 = (pairs: number | null) => ({ ds4: true, pairs });
    expect(variantSteps(parseVariantKey("full"), ds4(null))).toEqual(["dataset", "train", "sample", "dpo", "evaluate", "done"]);
    expect(variantSteps(parseVariantKey("full"), ds4(12))).toEqual(["dataset", "train", "sample", "dpo", "evaluate", "done"]);
    // the SFT model's answers made no pair: nothing to DPO-train on
    expect(variantSteps(parseVariantKey("full"), ds4(0))).toEqual(["dataset", "train", "sample", "evaluate", "done"]);
    expect(variantSteps(parseVariantKey("full"), { ds4: false, pairs: null })).toEqual(["dataset", "train", "evaluate", "done"]);
    expect(variantSteps(parseVariantKey("no-ds4"), ds4(null))).toEqual(["dataset", "train", "evaluate", "done"]);
    expect(variantSteps(parseVariantKey("size:0.5"), ds4(null))).toEqual(["dataset", "train", "evaluate", "done"]);
    expect(variantSteps(parseVariantKey("parallel"), ds4(null))).toEqual(["generate", "dataset", "train", "sample", "dpo", "evaluate", "done"]);
    expect(usesPairs(parseVariantKey("no-ds3"))).toBe(true);
  });
});
