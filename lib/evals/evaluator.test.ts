import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { OpenAICompatibleClient } from "@/lib/evals/client/openai-compatible";
import { runEvaluation } from "@/lib/evals/evaluator";
import { createGenerator } from "@/lib/evals/generator";
import { scoreResults } from "@/lib/evals/score";
import { loadBenchmark } from "@/lib/evals/loaders/load-benchmark";
import { JS_SOLUTIONS } from "@/lib/evals/testing/js-solutions";
import { createLocalTestExecutor } from "@/lib/evals/testing/local-test-executor";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import type { BenchmarkProblem, SampleResult } from "@/lib/evals/types";

const ME = "../shared/benchmarks/multipl-e";
const PY_GOOD: Map<string, string> = new Map(
  readFileSync(`${ME}/humaneval-py-canonical-completions.jsonl`, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { name: string; completion: string; passes_with_python3: boolean })
    .filter((r) => r.passes_with_python3)
    .map((r) => [r.name, r.completion]),
);

// Wrong answers of several kinds, each a different verdict.
const PY_WRONG = ["    return None\n", "    return (\n", "    raise ValueError('no')\n"];
const JS_WRONG = ["  return undefined;\n}\n", "  return (;\n}\n", "  throw new Error('no');\n}\n"];

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function pick(): Promise<{ py: BenchmarkProblem[]; js: BenchmarkProblem[] }> {
  const py = (await loadBenchmark("multipl-e", `${ME}/humaneval-py.jsonl`)).filter((p) => PY_GOOD.has(p.id)).slice(0, 20);
  const js = (await loadBenchmark("multipl-e", `${ME}/humaneval-js.jsonl`)).filter((p) => p.id in JS_SOLUTIONS);
  return { py, js };
}

describe("runEvaluation against a scripted OpenAI-compatible server", () => {
  it("completion mode: pass@1 per language comes out exactly as planned", async () => {
    const { py, js } = await pick();
    expect(py).toHaveLength(20);
    expect(js).toHaveLength(10);
    // Plan: py 13/20 good, js 6/10 good.
    const answers = new Map<string, string>();
    py.forEach((p, i) => answers.set(p.prompt, i < 13 ? PY_GOOD.get(p.id)! + "\ndef trailing_junk(:\n" : PY_WRONG[i % 3]));
    js.forEach((p, i) => answers.set(p.prompt, i < 6 ? JS_SOLUTIONS[p.id] + "\nfunction junk( {\n" : JS_WRONG[i % 3]));
    server = await startScriptedOpenAIServer((req) => [answers.get(req.text) ?? "??"]);
    const client = new OpenAICompatibleClient({ url: server.url, model: "scripted", apiKey: "sk-test-secret" });
    const stored: SampleResult[] = [];
    const outcome = await runEvaluation({
      problems: [...py, ...js],
      mode: "completion",
      n: 1,
      generate: createGenerator(client, { mode: "completion", temperature: 0, maxTokens: 512 }),
      execute: createLocalTestExecutor({ timeoutMs: 15_000 }),
      onResult: (r) => void stored.push(r),
    });
    const score = (lang: string) => outcome.scores.find((s) => s.language === lang)!;
    expect(score("py").passAtK[1]).toBe(13 / 20);
    expect(score("js").passAtK[1]).toBe(6 / 10);
    expect(stored).toHaveLength(30);
    // Every request carried the key and the problem's stop tokens.
    expect(server.requests.every((r) => r.headers.authorization === "Bearer sk-test-secret")).toBe(true);
    expect(server.requests.find((r) => r.text === py[0].prompt)!.body.stop).toEqual(py[0].stopTokens);
    // The junk after the stop token was cut, as MultiPL-E does.
    const good = stored.find((r) => r.problemId === py[0].id)!;
    expect(good.passed).toBe(true);
    expect(good.program).not.toContain("trailing_junk");
    expect(good.program).toBe(py[0].prompt + PY_GOOD.get(py[0].id) + "\n" + (py[0] as { tests: string }).tests);
    // Failures keep their verdict and the error output.
    const verdicts = stored.filter((r) => !r.passed).map((r) => r.status);
    expect(new Set(verdicts)).toEqual(new Set(["exception", "syntax_error"]));
    const syntax = stored.find((r) => r.language === "py" && r.status === "syntax_error")!;
    expect(syntax.stderr).toMatch(/SyntaxError/);
  });

  it("chat mode: code is extracted from the answer and re-joined with the prompt", async () => {
    const { py, js } = await pick();
    const pys = py.slice(0, 6);
    const jss = js.slice(0, 4);
    const answers = new Map<string, string>();
    // py answers give only the body for some (Qwen re-joins it with the prompt) and whole functions for others.
    pys.forEach((p, i) => {
      const body = PY_GOOD.get(p.id)!;
      const code = i % 2 === 0 ? p.prompt + body : body;
      answers.set(p.prompt.trim(), i < 4 ? `Sure! Here it is:\n\n\`\`\`python\n${code}\`\`\`\n\nThis works because...` : "```python\ndef nothing():\n    pass\n```");
    });
    jss.forEach((p, i) => {
      const whole = p.prompt + JS_SOLUTIONS[p.id];
      answers.set(p.prompt.trim(), i < 3 ? `\`\`\`javascript\n${whole}\`\`\`` : "```js\nfunction nope(){ return 1; }\n```");
    });
    server = await startScriptedOpenAIServer((req) => {
      const m = /```(?:py|js)\n([\s\S]*)\n```$/.exec(req.text);
      return [answers.get(m?.[1] ?? "") ?? "no idea"];
    });
    const client = new OpenAICompatibleClient({ url: `${server.url}/v1`, model: "scripted" });
    const outcome = await runEvaluation({
      problems: [...pys, ...jss],
      mode: "chat",
      n: 1,
      generate: createGenerator(client, { mode: "chat", temperature: 0, maxTokens: 512 }),
      execute: createLocalTestExecutor(),
    });
    expect(server.requests.every((r) => r.path === "/v1/chat/completions")).toBe(true);
    expect(outcome.scores.find((s) => s.language === "py")!.passAtK[1]).toBe(4 / 6);
    expect(outcome.scores.find((s) => s.language === "js")!.passAtK[1]).toBe(3 / 4);
  });

  it("n samples: unbiased pass@k from mixed answers per problem", async () => {
    const { py } = await pick();
    const [a, b, c] = py;
    const good = (p: BenchmarkProblem) => PY_GOOD.get(p.id)!;
    const plan = new Map<string, string[]>([
      [a.prompt, [good(a), "    return None\n", good(a), "    return None\n"]],
      [b.prompt, ["    return None\n", "    return None\n", "    return None\n", "    return None\n"]],
      [c.prompt, [good(c), good(c), good(c), good(c)]],
    ]);
    // The server hands out at most 3 choices per request, so the client must ask again.
    const served = new Map<string, number>();
    server = await startScriptedOpenAIServer((req) => {
      const from = served.get(req.text) ?? 0;
      const take = Math.min(req.body.n ?? 1, 3);
      served.set(req.text, from + take);
      return plan.get(req.text)!.slice(from, from + take);
    });
    const client = new OpenAICompatibleClient({ url: server.url, model: "scripted" });
    const outcome = await runEvaluation({
      problems: [a, b, c],
      mode: "completion",
      n: 4,
      generate: createGenerator(client, { mode: "completion", temperature: 0.8, maxTokens: 256 }),
      execute: createLocalTestExecutor(),
    });
    const row = outcome.scores[0];
    expect(row.samples).toBe(12);
    expect(row.passedSamples).toBe(6);
    expect(row.passAtK[1]).toBeCloseTo((0.5 + 0 + 1) / 3, 12);
    expect(Object.keys(row.passAtK)).toEqual(["1"]);
    // pass@2 for a: 1 - C(2,2)/C(4,2) = 5/6; b: 0; c: 1
    const [withK2] = scoreResults(outcome.results, { ks: [1, 2, 4, 5] });
    expect(withK2.passAtK[2]).toBeCloseTo((5 / 6 + 0 + 1) / 3, 12);
    expect(withK2.passAtK[4]).toBeCloseTo(2 / 3, 12);
    expect(withK2.passAtK[5]).toBeUndefined();
    expect(server.requests.filter((r) => r.text === a.prompt).map((r) => r.body.n)).toEqual([4, 1]);
  });

  it("resumes: only missing samples are generated and executed; cancelling keeps what finished", async () => {
    const { py } = await pick();
    const problems = py.slice(0, 8);
    const answers = new Map(problems.map((p) => [p.prompt, PY_GOOD.get(p.id)!]));
    server = await startScriptedOpenAIServer(async (req) => [answers.get(req.text)!]);
    const client = new OpenAICompatibleClient({ url: server.url, model: "scripted" });
    const generate = createGenerator(client, { mode: "completion", temperature: 0, maxTokens: 256 });
    const execute = createLocalTestExecutor({ concurrency: 1 });

    const controller = new AbortController();
    const first: SampleResult[] = [];
    const run1 = runEvaluation({
      problems, mode: "completion", n: 1, generate, execute, concurrency: 1, signal: controller.signal,
      onResult: (r) => {
        first.push(r);
        if (first.length === 3) controller.abort(new Error("user cancelled"));
      },
    });
    await expect(run1).rejects.toThrow("user cancelled");
    expect(first.length).toBeGreaterThanOrEqual(3);
    expect(first.length).toBeLessThan(8);

    const before = server.requests.length;
    const second: SampleResult[] = [];
    const outcome = await runEvaluation({ problems, mode: "completion", n: 1, generate, execute, done: first, onResult: (r) => void second.push(r) });
    const askedAgain = server.requests.slice(before).map((r) => r.text);
    const doneIds = new Set(first.map((r) => r.problemId));
    expect(askedAgain.length).toBe(8 - doneIds.size);
    expect(second.every((r) => !doneIds.has(r.problemId))).toBe(true);
    expect(outcome.results).toHaveLength(8);
    expect(outcome.scores[0].passAtK[1]).toBe(1);
  });

  it("keeps the same MultiPL-E problem apart across languages", async () => {
    const py = (await loadBenchmark("multipl-e", `${ME}/humaneval-py.jsonl`)).find((p) => p.id === "HumanEval_53_add")!;
    const js = (await loadBenchmark("multipl-e", `${ME}/humaneval-js.jsonl`)).find((p) => p.id === "HumanEval_53_add")!;
    const answers = new Map([[py.prompt, PY_GOOD.get(py.id)!], [js.prompt, JS_WRONG[0]]]);
    server = await startScriptedOpenAIServer((req) => [answers.get(req.text)!]);
    const client = new OpenAICompatibleClient({ url: server.url, model: "scripted" });
    const outcome = await runEvaluation({
      problems: [py, js], mode: "completion", n: 1,
      generate: createGenerator(client, { mode: "completion", temperature: 0, maxTokens: 64 }),
      execute: createLocalTestExecutor(),
    });
    expect(outcome.results).toHaveLength(2);
    expect(outcome.scores.map((s) => [s.language, s.passAtK[1]])).toEqual([["js", 0], ["py", 1]]);
  });

  it("reports progress per language", async () => {
    const { py, js } = await pick();
    const problems = [...py.slice(0, 3), ...js.slice(0, 2)];
    const answers = new Map(problems.map((p) => [p.prompt, p.language === "py" ? PY_GOOD.get(p.id)! : JS_SOLUTIONS[p.id]]));
    server = await startScriptedOpenAIServer((req) => [answers.get(req.text)!]);
    const client = new OpenAICompatibleClient({ url: server.url, model: "scripted" });
    const snapshots: { language: string; executed: number; total: number; passed: number }[][] = [];
    await runEvaluation({
      problems, mode: "completion", n: 1,
      generate: createGenerator(client, { mode: "completion", temperature: 0, maxTokens: 256 }),
      execute: createLocalTestExecutor(),
      onProgress: (p) => snapshots.push(p),
    });
    const last = snapshots.at(-1)!;
    expect(last.map((p) => [p.language, p.executed, p.total, p.passed])).toEqual([["py", 3, 3, 3], ["js", 2, 2, 2]]);
    expect(snapshots[0].every((p) => p.executed === 0)).toBe(true);
  });
});
