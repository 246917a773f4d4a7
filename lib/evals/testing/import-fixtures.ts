import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { assembleMultiplE } from "@/lib/evals/assemble";
import { JS_SOLUTIONS } from "@/lib/evals/testing/js-solutions";

/**
 * TEST-ONLY: result files in the formats MultiPL-E and bigcode-evaluation-harness write, built
 * from the real benchmark data in ../shared/benchmarks, with known outcomes per language.
 */
const BENCH = path.resolve("../shared/benchmarks"); // tests run from the repository root
const ME = `${BENCH}/multipl-e`;

interface MultiplERecord {
  name: string;
  language: string;
  prompt: string;
  tests: string;
  stop_tokens: string[];
}

const jsonl = <T>(file: string): T[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const problems = (lang: string) => jsonl<MultiplERecord>(`${ME}/humaneval-${lang}.jsonl`);
const pyCanonical = () => new Map(jsonl<{ name: string; completion: string }>(`${ME}/humaneval-py-canonical-completions.jsonl`).map((r) => [r.name, r.completion]));

const WRONG_PY = "    return None\n";

/** A MultiPL-E .results.json as evaluation/src/main.py writes it: the problem's fields plus results. */
function resultsFile(p: MultiplERecord, samples: { completion: string; passes: boolean }[]) {
  return {
    name: p.name, language: p.language, prompt: p.prompt, tests: p.tests, stop_tokens: p.stop_tokens, temperature: 0.2, top_p: 0.95, max_tokens: 512,
    results: samples.map((s, i) => ({
      program: assembleMultiplE(p.prompt, s.completion, p.stop_tokens, p.tests),
      stdout: "",
      stderr: s.passes ? "" : "Traceback (most recent call last):\nAssertionError\n",
      exit_code: s.passes ? 0 : 1,
      status: s.passes ? "OK" : "Exception",
      timestamp: 1700000000 + i,
    })),
  };
}

/**
 * A MultiPL-E output folder: py problems 0-5 with two evaluated samples each (even problems both
 * right, odd ones one of two), py problems 6-9 as completions files still to run (6 and 7
 * right), and four js problems evaluated, two of them right. Problem 0 also has its completions
 * file beside its results, as MultiPL-E leaves them.
 * Expected pass@1: py (3 + 1.5 + 2) / 10 = 0.65; js 2 / 4 = 0.5.
 */
export function writeMultiplEFolder(root: string): { expected: { py: number; js: number }; samples: number; toRun: number } {
  const canon = pyCanonical();
  const pyDir = path.join(root, "humaneval-py-model-0.2-reworded");
  const jsDir = path.join(root, "humaneval-js-model-0.2-reworded");
  mkdirSync(pyDir, { recursive: true });
  mkdirSync(jsDir, { recursive: true });
  const py = problems("py");
  py.slice(0, 6).forEach((p, i) => {
    const good = { completion: canon.get(p.name)!, passes: true };
    const file = resultsFile(p, [good, i % 2 === 0 ? good : { completion: WRONG_PY, passes: false }]);
    writeFileSync(path.join(pyDir, `${p.name}.results.json.gz`), gzipSync(JSON.stringify(file, null, 2)));
  });
  const completionsFile = (p: MultiplERecord, completion: string) => ({ ...p, temperature: 0.2, top_p: 0.95, max_tokens: 512, completions: [completion] });
  writeFileSync(path.join(pyDir, `${py[0].name}.json.gz`), gzipSync(JSON.stringify(completionsFile(py[0], WRONG_PY))));
  py.slice(6, 10).forEach((p, i) => {
    writeFileSync(path.join(pyDir, `${p.name}.json.gz`), gzipSync(JSON.stringify(completionsFile(p, i < 2 ? canon.get(p.name)! : WRONG_PY))));
  });
  const allJs = problems("js");
  const js = [...allJs.filter((p) => JS_SOLUTIONS[p.name]).slice(0, 2), ...allJs.filter((p) => !JS_SOLUTIONS[p.name]).slice(0, 2)];
  for (const p of js) {
    const known = JS_SOLUTIONS[p.name];
    writeFileSync(path.join(jsDir, `${p.name}.results.json`), JSON.stringify(resultsFile(p, [{ completion: known ?? "  return 0;\n}\n", passes: Boolean(known) }])));
  }
  return { expected: { py: 0.65, js: 0.5 }, samples: 6 * 2 + 4 + js.length, toRun: 4 };
}

/**
 * bigcode-evaluation-harness outputs: generations_multiple-py.json (problems 0-3, prompt.strip()
 * + completion, 0 and 2 right), generations_humaneval.json (HumanEval/0-3, all but 3 right) and
 * evaluation_results.json naming the model, with a multiple-java score that has no generations.
 */
export function bigcodeFiles(): { files: { name: string; text: string }[]; expected: { multiplEPy: number; humaneval: number; java: number }; model: string } {
  const canon = pyCanonical();
  const py = problems("py").slice(0, 4).map((p, i) => [p.prompt.trim() + "\n" + (i % 2 === 0 ? canon.get(p.name)! : WRONG_PY)]);
  const he = jsonl<{ prompt: string; canonical_solution: string }>(`${BENCH}/HumanEval.jsonl`).slice(0, 4).map((p, i) => [p.prompt.trim() + "\n" + (i < 3 ? p.canonical_solution : WRONG_PY)]);
  const model = "bigcode/starcoder2-3b";
  const results = {
    "multiple-py": { "pass@1": 0.5 },
    humaneval: { "pass@1": 0.75 },
    "multiple-java": { "pass@1": 0.4177215189873418 },
    config: { model, temperature: 0.2, n_samples: 1, tasks: "multiple-py,humaneval,multiple-java" },
  };
  return {
    files: [
      { name: "generations_multiple-py.json", text: JSON.stringify(py) },
      { name: "generations_humaneval.json", text: JSON.stringify(he) },
      { name: "evaluation_results.json", text: JSON.stringify(results, null, 2) },
    ],
    expected: { multiplEPy: 0.5, humaneval: 0.75, java: 0.4177215189873418 },
    model,
  };
}

export const BENCHMARKS_DIR = BENCH;
