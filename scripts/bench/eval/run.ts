/**
 * Evaluation overhead benchmark: a full MultiPL-E evaluation (load → generate over HTTP →
 * assemble → execute → score) against a local OpenAI-compatible endpoint that answers
 * instantly, versus the executor alone running the very same programs, in the same process.
 * Goal: total wall time within 10 % of executor-only time.
 *
 *   npx tsx --conditions react-server scripts/bench/eval/run.ts [--langs py,js] [--rounds 2] [--data ../shared/benchmarks/multipl-e]
 *
 * The executor is the sandbox (all 8 languages by default); `--executor local` uses the
 * unisolated py/js test stand-in. The sandbox pool is closed before each timed part, so both
 * start cold (no compilation cache, compile servers started anew), as a real evaluation does.
 */
import { readFileSync } from "node:fs";
import { buildProgram } from "@/lib/evals/build-program";
import { OpenAICompatibleClient } from "@/lib/evals/client/openai-compatible";
import { runEvaluation } from "@/lib/evals/evaluator";
import { createGenerator } from "@/lib/evals/generator";
import { loadBenchmark } from "@/lib/evals/loaders/load-benchmark";
import { JS_SOLUTIONS } from "@/lib/evals/testing/js-solutions";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { getExecutor } from "@/lib/evals/executor";
import { closeDefaultPool } from "@/lib/sandbox";
import { startScriptedOpenAIServer } from "@/lib/evals/testing/scripted-openai-server";
import type { BenchmarkProblem, Execute, ExecutionResult, Language } from "@/lib/evals/types";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dataDir = arg("data", "../shared/benchmarks/multipl-e");
const langs = arg("langs", "py,java,cpp,cs,ts,js,php,sh").split(",") as Language[];
const useSandbox = arg("executor", "sandbox") === "sandbox";
const rounds = Number(arg("rounds", "2"));

const pyCanonical = new Map<string, string>(
  readFileSync(`${dataDir}/humaneval-py-canonical-completions.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.name, r.completion]),
);
// The scripted model: known-good answers where we have them, a plausible wrong body elsewhere.
const answerFor = (p: BenchmarkProblem) =>
  p.language === "py" ? (pyCanonical.get(p.id) ?? "    return None\n") : p.language === "js" ? (JS_SOLUTIONS[p.id] ?? "  return undefined;\n}\n") : "";

async function main() {
  const problems: BenchmarkProblem[] = [];
  for (const l of langs) problems.push(...(await loadBenchmark("multipl-e", `${dataDir}/humaneval-${l}.jsonl`)));
  const byPrompt = new Map(problems.map((p) => [p.prompt, answerFor(p)]));
  const server = await startScriptedOpenAIServer((req) => [byPrompt.get(req.text) ?? ""]);
  const execute = useSandbox ? getExecutor() : createLocalTestExecutor();
  const client = new OpenAICompatibleClient({ url: server.url, model: "instant" });
  const items = problems.map((p) => ({ id: p.id + p.language, language: p.language, program: buildProgram(p, answerFor(p), "completion").program }));

  // The evaluator's own cost with execution taken out (an executor that answers at once):
  // HTTP round trips, assembly, batching, scoring. Less sensitive to a loaded machine.
  const instant: Execute = async (batch, opts) => {
    const m = new Map<string, ExecutionResult>();
    for (const it of batch) {
      const r: ExecutionResult = { status: "ok", exitCode: 0, stdout: "", stderr: "", durationMs: 0 };
      m.set(it.id, r);
      opts?.onResult?.(it.id, r);
    }
    return m;
  };
  const orchestration: number[] = [];
  const execTimes: number[] = [];
  const fullTimes: number[] = [];
  let passed = 0;
  for (let r = 0; r < rounds; r++) {
    await closeDefaultPool();
    let t = performance.now();
    await execute(items);
    execTimes.push(performance.now() - t);
    await closeDefaultPool();
    t = performance.now();
    const outcome = await runEvaluation({
      problems, mode: "completion", n: 1, execute,
      generate: createGenerator(client, { mode: "completion", temperature: 0, maxTokens: 512 }),
    });
    fullTimes.push(performance.now() - t);
    passed = outcome.results.filter((x) => x.passed).length;
    t = performance.now();
    await runEvaluation({
      problems, mode: "completion", n: 1, execute: instant,
      generate: createGenerator(client, { mode: "completion", temperature: 0, maxTokens: 512 }),
    });
    orchestration.push(performance.now() - t);
  }
  await server.close();
  await closeDefaultPool();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const exec = median(execTimes);
  const full = median(fullTimes);
  console.log(`executor: ${useSandbox ? "sandbox" : "local stand-in"}  languages: ${langs.join(",")}  programs: ${items.length}  passed: ${passed}  rounds: ${rounds}`);
  console.log(`executor only (baseline): ${(exec / 1000).toFixed(2)} s   runs: ${execTimes.map((x) => (x / 1000).toFixed(2)).join(", ")}`);
  console.log(`full evaluation:          ${(full / 1000).toFixed(2)} s   runs: ${fullTimes.map((x) => (x / 1000).toFixed(2)).join(", ")}`);
  const orch = median(orchestration);
  console.log(`evaluator alone (instant executor): ${(orch / 1000).toFixed(2)} s = ${((orch / exec) * 100).toFixed(1)} % of executor-only time`);
  console.log(`ratio full / executor-only: ${(full / exec).toFixed(3)}  (overhead ${(((full - exec) / exec) * 100).toFixed(1)} %, goal < 10 %)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
