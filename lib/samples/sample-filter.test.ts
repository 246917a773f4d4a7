import { describe, expect, it } from "vitest";
import { checkFilterParams, filterFromPairs, filterFromSearchParams, filterToSearchParams } from "./sample-filter";

describe("sample filters", () => {
  it("reads query strings and writes them back", () => {
    const f = filterFromSearchParams(new URLSearchParams("language=py,cpp&part=ds3&minScore=3.5&q=%20sort%20&cursor=ignored"));
    expect(f).toEqual({ language: ["py", "cpp"], part: ["ds3"], minScore: 3.5, q: "sort" });
    expect(filterToSearchParams(f).toString()).toBe("language=py%2Ccpp&part=ds3&minScore=3.5&q=sort");
  });

  it("rejects unknown values with a message naming the field", () => {
    expect(() => filterFromSearchParams(new URLSearchParams("curation=maybe"))).toThrow(/curation must be one of pending, accepted, rejected, edited/);
    expect(() => filterFromSearchParams(new URLSearchParams("minScore=5&maxScore=2"))).toThrow(/must not be above maxScore/);
    expect(() => filterFromSearchParams(new URLSearchParams("maxScore=high"))).toThrow(/must be a number/);
  });

  it("says what is wrong field by field, for the form to show beside each control", () => {
    expect(checkFilterParams(new URLSearchParams("runId=r1&part=ds4&minScore=9&maxScore=2"))).toEqual({ ok: false, errors: { minScore: "must not be above maxScore" } });
    expect(checkFilterParams({ maxScore: "high", part: "ds9" })).toEqual({ ok: false, errors: { maxScore: "must be a number", part: "part must be one of ds1, ds2, ds3, ds4" } });
    expect(checkFilterParams({ runId: "r1", minScore: "2", maxScore: "9", sort: "score" })).toEqual({ ok: true, filter: { runId: "r1", minScore: 2, maxScore: 9 } });
  });

  it("reads the CLI's --filter pairs, curation=all meaning every state", () => {
    expect(filterFromPairs(["language=py&minScore=4", "curation=all"], { runId: "r1" })).toEqual({ runId: "r1", language: ["py"], minScore: 4, curation: ["pending", "accepted", "rejected", "edited"] });
    expect(() => filterFromPairs(["lang=py"])).toThrow(/unknown key/);
    expect(() => filterFromPairs(["py"])).toThrow(/key=value/);
  });
});
