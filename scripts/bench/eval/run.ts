/**
 * Evaluation overhead benchmark: a full MultiPL-E evaluation (load → generate over HTTP →
 * assemble → execute → score) against a local OpenAI-compatible endpoint that answers
 * instantly, versus the executor alone running the very same programs, in the same process.
 * Goal: full / executor-only wall time < 1.10.
 *
 *   npm run bench:eval -- [--langs py,js] [--rounds 3] [--limit N] [--data ../shared/benchmarks/multipl-e] [--executor local]
 *
 * Fairness: both arms run the same programs (checked), each starts on a fresh, cold sandbox
 * pool (no compilation cache, no warm compilers, same pool size), and the arms alternate
 * order every round so machine noise and drift fall on both. Reported: per-arm medians, the
 * median of the per-round ratios, CPU seconds (this process and its reaped children, which is
 * less sensitive to other load on the machine) and how busy the pool's slots were.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildProgram } from "@/lib/evals/build-program";
import { OpenAICompatibleClient } from "@/lib/evals/client/openai-compatible";
import { runEvaluation } from "@/lib/evals/evaluator";
import { createGenerator } from "@/lib/evals/generator";
import { loadBenchmark } from "@/lib/evals/loaders/load-benchmark";
import { JS_SOLUTIONS } from "@/lib/evals/testing/js-solutions";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { getExecutor } from "@/lib/evals/executor";
import { closeDefaultPool, getDefaultPool } from "@/lib/sandbox";
import { startScriptedOpenAIServer } from "@/lib/evals/testing/scripted-openai-server";
import type { BenchmarkProblem, Execute, ExecutionResult, Language } from "@/lib/evals/types";
import { cpuSeconds } from "../sandbox/cpu-time";
import { measureArm, median, type ArmRun } from "./measure-arm";

const { values } = parseArgs({
  options: { data: { type: "string" }, langs: { type: "string" }, executor: { type: "string" }, rounds: { type: "string" }, limit: { type: "string" } },
});
const dataDir = values.data ?? "../shared/benchmarks/multipl-e";
const langs = (values.langs ?? "py,java,cpp,cs,ts,js,php,sh").split(",") as Language[];
const useSandbox = (values.executor ?? "sandbox") === "sandbox";
const rounds = Number(values.rounds ?? 3);
const limit = values.limit ? Number(values.limit) : Infinity;

const pyCanonical = new Map<string, string>(
  readFileSync(`${dataDir}/humaneval-py-canonical-completions.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.name, r.completion]),
);
// The scripted model: known-good answers where we have them, a plausible wrong body elsewhere.
const answerFor = (p: BenchmarkProblem) =>
  p.language === "py" ? (pyCanonical.get(p.id) ?? "    return None\n") : p.language === "js" ? (JS_SOLUTIONS[p.id] ?? "  return undefined;\n}\n") : "";

/** An executor that answers at once: what is left is the evaluator's own cost. */
const instant: Execute = async (batch, opts) => {
  const m = new Map<string, ExecutionResult>();
  for (const it of batch) {
    const r: ExecutionResult = { status: "ok", exitCode: 0, stdout: "", stderr: "", durationMs: 0 };
    m.set(it.id, r);
    opts?.onResult?.(it.id, r);
  }
  return m;
};

async function main() {
  const problems: BenchmarkProblem[] = [];
  for (const l of langs) problems.push(...(await loadBenchmark("multipl-e", `${dataDir}/humaneval-${l}.jsonl`)).slice(0, limit));
  const byPrompt = new Map(problems.map((p) => [p.prompt, answerFor(p)]));
  const server = await startScriptedOpenAIServer((req) => [byPrompt.get(req.text) ?? ""]);
  const execute = useSandbox ? getExecutor() : createLocalTestExecutor();
  const client = new OpenAICompatibleClient({ url: server.url, model: "instant" });
  const items = problems.map((p) => ({ id: `${p.language}/${p.id}`, language: p.language, program: buildProgram(p, answerFor(p), "completion").program }));
  const expected = new Map(items.map((it) => [it.id, it.program]));
  const evaluate = (ex: Execute) =>
    runEvaluation({ problems, mode: "completion", n: 1, execute: ex, generate: createGenerator(client, { mode: "completion", temperature: 0, maxTokens: 512 }) });

  // Each arm gets a fresh pool, created the same way, so both pay the same cold start.
  const freshPool = async () => {
    await closeDefaultPool();
    return useSandbox ? getDefaultPool() : null;
  };
  const arms = {
    exec: async () => {
      const ran = await execute(items);
      return [...ran.values()].filter((r) => r.status === "ok" && r.exitCode === 0).length;
    },
    full: async () => {
      const outcome = await evaluate(execute);
      for (const r of outcome.results) {
        if (expected.get(`${r.language}/${r.problemId}`) !== r.program) throw new Error(`the evaluation built another program for ${r.language}/${r.problemId}`);
      }
      return outcome.results.filter((r) => r.passed).length;
    },
  };
  const runs: Record<keyof typeof arms, ArmRun[]> = { exec: [], full: [] };
  for (let r = 0; r < rounds; r++) {
    const order: (keyof typeof arms)[] = r % 2 === 0 ? ["exec", "full"] : ["full", "exec"];
    for (const arm of order) runs[arm].push(await measureArm(await freshPool(), arms[arm], cpuSeconds));
    console.error(`round ${r + 1}/${rounds}: exec ${(runs.exec[r].wallMs / 1000).toFixed(2)} s, full ${(runs.full[r].wallMs / 1000).toFixed(2)} s`);
  }
  const orchestration: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    await evaluate(instant);
    orchestration.push(performance.now() - t);
  }
  await server.close();
  await closeDefaultPool();

  const passed = new Set([...runs.exec, ...runs.full].map((x) => x.passed));
  if (passed.size !== 1) throw new Error(`the arms disagree on how many programs passed: ${[...passed].join(" vs ")}`);
  const fmt = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(", ");
  const exec = median(runs.exec.map((x) => x.wallMs));
  const full = median(runs.full.map((x) => x.wallMs));
  const ratios = runs.full.map((f, i) => f.wallMs / runs.exec[i].wallMs);
  const cpuRatio = median(runs.full.map((f, i) => f.cpuS / runs.exec[i].cpuS));
  const busy = (xs: ArmRun[]) => `${(100 * median(xs.map((x) => x.busy))).toFixed(1)} %`;
  console.log(`executor: ${useSandbox ? "sandbox" : "local stand-in"}  languages: ${langs.join(",")}  programs: ${items.length}  passed: ${[...passed][0]}  rounds: ${rounds} (arms alternate, each on a fresh cold pool)`);
  console.log(`executor only (baseline): median ${(exec / 1000).toFixed(2)} s   runs: ${fmt(runs.exec.map((x) => x.wallMs))}   pool slots busy ${busy(runs.exec)}`);
  console.log(`full evaluation:          median ${(full / 1000).toFixed(2)} s   runs: ${fmt(runs.full.map((x) => x.wallMs))}   pool slots busy ${busy(runs.full)}`);
  const orch = median(orchestration);
  console.log(`evaluator alone (instant executor): ${(orch / 1000).toFixed(2)} s = ${((orch / exec) * 100).toFixed(1)} % of executor-only time`);
  console.log(`CPU seconds full / executor-only (median of rounds): ${cpuRatio.toFixed(3)}`);
  console.log(`ratio full / executor-only: median of rounds ${median(ratios).toFixed(3)} (rounds: ${ratios.map((x) => x.toFixed(3)).join(", ")}); of medians ${(full / exec).toFixed(3)}; goal < 1.10`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
