import { describe, expect, it } from "vitest";
import { overallProgress, throttleProgress, type CorpusProgress } from "./progress";

describe("ingest progress bar", () => {
  it("only moves forward through the stages and ends at 100 %", () => {
    const steps: CorpusProgress[] = [
      { phase: "benchmarks", done: 0, total: 2 },
      { phase: "reading", done: 200 },
      { phase: "reading", done: 100_000 },
      { phase: "decontaminating", done: 0, total: 5000 },
      { phase: "deduplicating", done: 2500, total: 5000 },
      { phase: "deduplicating", done: 5000, total: 5000 },
      { phase: "writing", done: 0, total: 4000 },
      { phase: "done", done: 4000, total: 4000 },
    ];
    const values = steps.map((s) => overallProgress(s).done);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(1000);
    expect(values.slice(0, -1).every((v) => v < 1000)).toBe(true);
    expect(overallProgress({ phase: "reading", done: 1234, message: "src/a.py" }).message).toBe("reading: 1234 files (src/a.py)");
  });

  it("passes one update per interval but every phase change", () => {
    let now = 0;
    const sent: string[] = [];
    const send = throttleProgress((p) => sent.push(`${p.phase}:${p.done}`), 250, () => now);
    send({ phase: "reading", done: 1 });
    now = 100; send({ phase: "reading", done: 2 });
    now = 300; send({ phase: "reading", done: 3 });
    now = 310; send({ phase: "deduplicating", done: 0, total: 9 });
    now = 320; send({ phase: "done", done: 9, total: 9 });
    expect(sent).toEqual(["reading:1", "reading:3", "deduplicating:0", "done:9"]);
  });
});
