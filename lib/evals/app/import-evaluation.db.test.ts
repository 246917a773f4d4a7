import { rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { importEvaluation, runImportedEvaluation } from "@/lib/evals/app/import-evaluation";
import { readImportPath } from "@/lib/evals/import/read-import-files";
import type { ScoreRow } from "@/lib/evals/score";
import { BENCHMARKS_DIR, bigcodeFiles, writeMultiplEFolder } from "@/lib/evals/testing/import-fixtures";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";

let t: TestDb;
let tmp: string;
useTestDbWithDir("xi-eval-import-", (f) => { t = f.t; tmp = f.dir; });

const pass1 = (rows: ScoreRow[], benchmark: string, language: string) => rows.find((r) => r.benchmark === benchmark && r.language === language)?.passAtK[1];
const signal = () => new AbortController().signal;

describe("importing result files of other harnesses", () => {
  it("MultiPL-E: evaluated results are stored as they are, completions files are run, pass@1 per language", async () => {
    const dir = path.join(tmp, "multipl-e");
    const fixture = writeMultiplEFolder(dir);
    const files = await readImportPath(dir);
    const evaluation = await importEvaluation(t.db, { format: "multipl-e", model: "santacoder" }, files, { enqueue: false });
    expect(evaluation).toMatchObject({ status: "queued", source: "imported:multipl-e", model: "santacoder" });
    expect(await t.db.evalResult.count({ where: { evaluationId: evaluation.id, status: "pending" } })).toBe(fixture.toRun);

    const progress: number[] = [];
    const scores = await runImportedEvaluation(t.db, evaluation.id, { signal: signal(), execute: createLocalTestExecutor(), onProgress: (p) => void progress.push(p[0].executed) });
    expect(pass1(scores, "multipl-e", "py")).toBeCloseTo(fixture.expected.py, 12);
    expect(pass1(scores, "multipl-e", "js")).toBeCloseTo(fixture.expected.js, 12);
    expect(progress.at(-1)).toBe(fixture.toRun);

    const stored = await t.db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(stored.status).toBe("succeeded");
    expect(pass1(stored.summary as unknown as ScoreRow[], "multipl-e", "py")).toBeCloseTo(0.65, 12);
    expect(await t.db.evalResult.count({ where: { evaluationId: evaluation.id } })).toBe(fixture.samples);
    expect(await t.db.evalResult.count({ where: { evaluationId: evaluation.id, status: "pending" } })).toBe(0);
    // The problem with both files keeps its evaluated results (two samples, from the results file).
    const first = await t.db.evalResult.findMany({ where: { evaluationId: evaluation.id, language: "py", problem: "HumanEval_0_has_close_elements" } });
    expect(first.map((r) => r.passed)).toEqual([true, true]);
    // A run-here failure keeps the program and the error, like a native evaluation.
    const ranAndFailed = await t.db.evalResult.findFirstOrThrow({ where: { evaluationId: evaluation.id, passed: false, durationMs: { gt: 0 } } });
    expect(ranAndFailed.program).toContain("return None");
    expect(ranAndFailed.stderr).toMatch(/AssertionError/);
    // The compare page lists finished, non-reference evaluations: this one is among them.
    const comparable = await t.db.evaluation.findMany({ where: { status: "succeeded", reference: false } });
    expect(comparable.map((e) => e.id)).toContain(evaluation.id);
  });

  it("bigcode: generations run against the benchmark's tests, evaluation_results.json fills the tasks without them", async () => {
    const { files, expected, model } = bigcodeFiles();
    const evaluation = await importEvaluation(t.db, { format: "bigcode", dataSource: BENCHMARKS_DIR }, files, { enqueue: false });
    expect(evaluation.model).toBe(model);
    const scores = await runImportedEvaluation(t.db, evaluation.id, { signal: signal(), execute: createLocalTestExecutor() });
    expect(pass1(scores, "multipl-e", "py")).toBeCloseTo(expected.multiplEPy, 12);
    expect(pass1(scores, "humaneval", "py")).toBeCloseTo(expected.humaneval, 12);
    const java = scores.find((r) => r.language === "java")!;
    expect(java).toMatchObject({ benchmark: "multipl-e", reported: true });
    expect(java.passAtK[1]).toBe(expected.java);
    expect(await t.db.evalResult.count({ where: { evaluationId: evaluation.id } })).toBe(8);
  });

  it("a results file alone is stored at once, without a job", async () => {
    const { files } = bigcodeFiles();
    const evaluation = await importEvaluation(t.db, { format: "bigcode", model: "m", name: "harness scores" }, files.filter((f) => f.name === "evaluation_results.json"));
    expect(evaluation.status).toBe("succeeded");
    expect(evaluation.jobId).toBeNull();
    expect((evaluation.summary as unknown as ScoreRow[]).map((r) => [r.benchmark, r.language, r.passAtK[1]])).toEqual([
      ["multipl-e", "py", 0.5], ["humaneval", "py", 0.75], ["multipl-e", "java", 0.4177215189873418],
    ]);
  });

  it("refuses bad files with a message naming them, and stores nothing", async () => {
    const before = await t.db.evaluation.count();
    const { files } = bigcodeFiles();
    await expect(importEvaluation(t.db, { format: "multipl-e", model: "m" }, [files[2]])).rejects.toMatchObject({ code: "invalid:import", message: expect.stringMatching(/evaluation_results\.json is not a MultiPL-E problem file.*choose that format/) });
    await expect(importEvaluation(t.db, { format: "bigcode", model: "m" }, [{ name: "broken.json", text: "{ not json" }])).rejects.toThrow(/broken\.json.*not valid JSON/);
    await expect(importEvaluation(t.db, { format: "bigcode", model: "m" }, [files[0]])).rejects.toThrow(/benchmark data folder/);
    await expect(importEvaluation(t.db, { format: "bigcode" }, [{ name: "r.json", text: '{"humaneval": {"pass@1": 0.5}}' }])).rejects.toThrow(/model name/);
    expect(await t.db.evaluation.count()).toBe(before);
  });
});
