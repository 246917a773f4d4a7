import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { assembleMultiplE } from "@/lib/evals/assemble";
import { parseMultiplE } from "@/lib/evals/loaders/multipl-e";
import { scoreResults } from "@/lib/evals/score";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { bigcodeGenerationsToPrograms, parseBigcodeResults } from "./bigcode-harness";
import { executeSamples } from "@/lib/evals/sample-execution";
import { parseMultiplEResults } from "./multipl-e-results";

const ME = "../shared/benchmarks/multipl-e";
const pyProblems = () => parseMultiplE(readFileSync(`${ME}/humaneval-py.jsonl`, "utf8"), "py");

describe("MultiPL-E .results.json import", () => {
  it("reads a gzipped results file as MultiPL-E's evaluator writes it", () => {
    const t = JSON.parse(readFileSync(`${ME}/test_inputs/py-davinci-0.2-keep-HumanEval53.json`, "utf8"));
    const programs = (t.completions as string[]).map((c) => assembleMultiplE(t.prompt, c, t.stop_tokens, t.tests));
    // evaluation/src/main.py copies the problem's fields, drops completions, appends results.
    const { completions: _c, ...meta } = t;
    const file = {
      ...meta,
      temperature: 0.2,
      results: [
        { program: programs[0], stdout: "", stderr: "", exit_code: 0, status: "OK", timestamp: 1700000000 },
        { program: programs[1], stdout: "", stderr: '  File "/tmp/x.py", line 9\n    return x + \n               ^\nSyntaxError: invalid syntax\n', exit_code: 1, status: "SyntaxError", timestamp: 1700000001 },
        { program: programs[0], stdout: "", stderr: "", exit_code: -1, status: "Timeout", timestamp: 1700000002 },
      ],
    };
    const gz = gzipSync(JSON.stringify(file, null, 2));
    const imported = parseMultiplEResults(gunzipSync(gz).toString(), "HumanEval_53_add.results.json.gz");
    expect(imported.temperature).toBe(0.2);
    expect(imported.results.map((r) => [r.sampleIndex, r.status, r.passed])).toEqual([[0, "ok", true], [1, "syntax_error", false], [2, "timeout", false]]);
    expect(imported.results[0]).toMatchObject({ problemId: "HumanEval_53_add", language: "py", completion: t.completions[0] });
    const { passAtK } = scoreResults(imported.results, { ks: [1, 2] })[0];
    expect(passAtK[1]).toBeCloseTo(1 / 3, 12);
    expect(passAtK[2]).toBeCloseTo(1 - 1 / 3, 12); // 1 - C(2,2)/C(3,2)
  });

  it("maps MultiPL-E's long language names and rejects other files", () => {
    const r = parseMultiplEResults(JSON.stringify({ name: "HumanEval_53_add", language: "javascript", results: [{ program: "x", status: "Exception", exit_code: 1, stdout: "", stderr: "boom" }] }), "f");
    expect(r.results[0]).toMatchObject({ language: "js", status: "exception", stderr: "boom", passed: false });
    expect(() => parseMultiplEResults(JSON.stringify({ name: "x", results: [] }), "f.json")).toThrow(/language/);
    expect(() => parseMultiplEResults(JSON.stringify({ name: "x", language: "ocaml", results: [] }), "f.json")).toThrow(/"ocaml"/);
  });
});

describe("bigcode-evaluation-harness import", () => {
  it("reads evaluation_results.json: pass@k per task, mapped to benchmark and language", () => {
    const text = JSON.stringify({
      "multiple-java": { "pass@1": 0.4177215189873418, "pass@10": 0.6 },
      humaneval: { "pass@1": 0.6524390243902439 },
      mbpp: { "pass@1": 0.512 },
      "multiple-sh": { "pass@1": 0.21 },
      "codexglue_code_to_text-python": { blue: 18.2 },
      config: { model: "Qwen/Qwen2.5-Coder-7B", temperature: 0.2, n_samples: 20, max_length_generation: 512 },
    });
    const run = parseBigcodeResults(text, "evaluation_results.json");
    expect(run).toMatchObject({ model: "Qwen/Qwen2.5-Coder-7B", temperature: 0.2, nSamples: 20 });
    expect(run.scores.map((s) => [s.task, s.benchmark, s.language, s.passAtK[1]])).toEqual([
      ["multiple-java", "multipl-e", "java", 0.4177215189873418],
      ["humaneval", "humaneval", "py", 0.6524390243902439],
      ["mbpp", "mbpp", "py", 0.512],
      ["multiple-sh", "multipl-e", "sh", 0.21],
    ]);
    expect(() => parseBigcodeResults("[]", "x.json")).toThrow(/results object/);
    expect(() => parseBigcodeResults('{"config": {}}', "x.json")).toThrow(/no pass@k/);
  });

  it("re-executes a generations file (prompt + completion per sample) against the benchmark's tests", async () => {
    const problems = pyProblems();
    const canon = new Map(
      readFileSync(`${ME}/humaneval-py-canonical-completions.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.name, r.completion]),
    );
    // The harness strips the prompt before generating and stores prompt.strip() + completion.
    const gens = problems.slice(0, 3).map((p, i) => [p.prompt.trim() + "\n" + canon.get(p.id), p.prompt.trim() + (i === 1 ? "\n    return None\n" : "\n" + canon.get(p.id))]);
    const items = bigcodeGenerationsToPrograms(JSON.stringify(gens), "generations_multiple-py.json", problems);
    expect(items).toHaveLength(6);
    const results = await executeSamples(items, { execute: createLocalTestExecutor() });
    expect(results.map((r) => r.passed)).toEqual([true, true, true, false, true, true]);
    expect(scoreResults(results)[0].passAtK[1]).toBeCloseTo((1 + 0.5 + 1) / 3, 12);
    // A file from another benchmark order is refused.
    const shuffled = JSON.stringify([gens[1], gens[0]]);
    expect(() => bigcodeGenerationsToPrograms(shuffled, "g.json", problems)).toThrow(/does not start with the prompt/);
  });
});
