import { describe, expect, it } from "vitest";
import { tokenHistogram } from "@/lib/pipeline/ingest/report";
import { prepareDropSummary, prepareLanguageChart, prepareSkippedReasons, prepareTokenHistogram } from "./chart-data";

describe("corpus chart data", () => {
  it("orders languages by snippets with names and shares, dropping empty rows", () => {
    const bars = prepareLanguageChart([
      { language: "py", files: 2, snippets: 30, tokens: 900 },
      { language: "cs", files: 1, snippets: 10, tokens: 100 },
      { language: "sh", files: 0, snippets: 0, tokens: 0 },
      { language: "cpp", files: 4, snippets: 60, tokens: 5000 },
    ]);
    expect(bars.map((b) => [b.name, b.snippets, b.share])).toEqual([["C++", 60, 0.6], ["Python", 30, 0.3], ["C#", 10, 0.1]]);
  });

  it("labels histogram buckets with inclusive ranges that cover 0..maxTokens", () => {
    const bars = prepareTokenHistogram(tokenHistogram([0, 63, 64, 1024, 1000], 1024));
    expect(bars).toHaveLength(16);
    expect(bars[0]).toEqual({ label: "0–63", from: 0, to: 64, count: 2 });
    expect(bars[1]).toMatchObject({ label: "64–127", count: 1 });
    expect(bars[15]).toMatchObject({ label: "960–1024", count: 2 });
    expect(bars.reduce((a, b) => a + b.count, 0)).toBe(5);
    expect(prepareTokenHistogram(undefined)).toEqual([]);
  });

  it("lists skip reasons by count with readable labels", () => {
    expect(prepareSkippedReasons({ binary: 2, malformed_jsonl: 5, not_utf8: 0, symlink: 2 })).toEqual([
      { reason: "malformed_jsonl", label: "malformed JSONL line", count: 5 },
      { reason: "binary", label: "binary", count: 2 },
      { reason: "symlink", label: "link (not followed)", count: 2 },
    ]);
  });

  it("summarises drops as shares of the extracted snippets", () => {
    const d = prepareDropSummary({ extracted: 200, tooShort: 3, exactDuplicates: 20, nearDuplicates: 10, contaminated: 2, kept: 168, byMethod: {} })!;
    expect(d.rows.map((r) => [r.kind, r.count, r.share])).toEqual([["exact duplicate", 20, 0.1], ["near duplicate", 10, 0.05], ["benchmark contamination", 2, 0.01]]);
  });
});
