import type { LanguageModel } from "ai";
import { describe, expect, it } from "vitest";
import { modelEndpointSchema, type ModelEndpointInput } from "@/lib/domain/model-endpoint";
import { instructionOutput, scoreOutput, solutionOutput } from "@/lib/domain/output-schemas";
import { ds1InstructionPrompt, ds1ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import { scorePrompt } from "@/lib/domain/prompts/score-prompts";
import { DEFAULT_ASPECTS } from "@/lib/domain/scoring-rubric";
import { createModelClient, type ModelClient } from "./model-client";
import { getModel } from "./providers";
import type { ScriptedModel } from "./scripted-model";

const snippet = { id: "s1", language: "py", code: "def f(xs):\n    return [x for x in xs if x]" };

function client(endpoint: Partial<ModelEndpointInput> = {}, seed = 1): { client: ModelClient; model: () => ScriptedModel } {
  const e = modelEndpointSchema.parse({ name: "demo", provider: "scripted", model: "demo", retryBaseDelayMs: 1, retryMaxDelayMs: 5, ...endpoint });
  let model: ScriptedModel | undefined;
  const role = { endpoint: "demo", temperature: 0, maxOutputTokens: 1024 };
  const c = createModelClient({
    endpoints: [e],
    roles: { iGenerator: role, rGenerator: role, scorer: role, discussion: role },
    seed,
    resolveModel: (x): LanguageModel => (model = getModel(x) as ScriptedModel),
  });
  return { client: c, model: () => model! };
}

describe("structured calls with the demo model", () => {
  it("returns validated values for instruction, solution and score prompts", async () => {
    const { client: c } = client();
    const q = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    expect(q.value.instruction).toMatch(/Python function `\w+`/);
    const a = await c.call({ role: "rGenerator", prompt: ds1ResponsePrompt("py", q.value.instruction), schema: solutionOutput });
    expect(a.ok && a.value.solution).toContain("def ");
    const rubric = { aspects: DEFAULT_ASPECTS, scale: 10 as const, threshold: 5 };
    const s = await c.call({ role: "scorer", prompt: scorePrompt({ language: "py", instruction: q.value.instruction, solution: "x", tests: "y" }, rubric), schema: scoreOutput(rubric) });
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.value.aspects.map((x) => x.name)).toEqual(DEFAULT_ASPECTS.map((x) => x.name));
    expect(s.value.aspects.every((x) => x.score >= 1 && x.score <= 10)).toBe(true);
    expect(s.calls).toHaveLength(1);
    expect(s.usage.inputTokens).toBeGreaterThan(0);
  });

  it("is deterministic for a seed and differs across seeds", async () => {
    const run = async (seed: number) => {
      const { client: c } = client({}, seed);
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt({ ...snippet, code: `${snippet.code}\n# ${i}` }), schema: instructionOutput });
        out.push(r.ok ? r.value.instruction : "fail");
      }
      return out;
    };
    expect(await run(3)).toEqual(await run(3));
    expect(await run(3)).not.toEqual(await run(4));
  });

  it("retries a 429 with backoff and succeeds", async () => {
    const { client: c, model } = client({ scripted: { faults: { rateLimit: 0.6 } }, maxRetries: 20 });
    let retried = 0;
    for (let i = 0; i < 10; i++) {
      const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt({ ...snippet, code: `# ${i}` }), schema: instructionOutput });
      expect(r.ok).toBe(true);
      expect(r.calls.at(-1)?.outcome).toBe("ok");
      const before = r.calls.slice(0, -1);
      expect(before.every((x) => x.outcome === "rate-limited" && x.status === 429 && (x.retryInMs ?? -1) >= 0)).toBe(true);
      if (before.length) retried++;
    }
    expect(retried).toBeGreaterThan(0);
    expect(model().stats.faults.rateLimit).toBeGreaterThanOrEqual(retried);
  });

  it("gives up on a persistent 5xx after maxRetries and records a failed step", async () => {
    const { client: c } = client({ scripted: { faults: { serverError: 1 } }, maxRetries: 3 });
    const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe("unavailable");
    expect(r.calls.map((x) => x.outcome)).toEqual(["server-error", "server-error", "server-error", "server-error"]);
  });

  it("tells the demo model the prompt kind beside the prompt, not in it", async () => {
    const { client: c } = client();
    // a prompt whose text names no kind: only the provider option says what to answer
    const prompt = { kind: "ds1-instruction" as const, system: "You write tasks.", user: `Language: py (Python)\n\nCode snippet:\n\`\`\`py\n${snippet.code}\n\`\`\`` };
    const r = await c.call({ role: "iGenerator", prompt, schema: instructionOutput });
    expect(r.ok && r.value.instruction).toMatch(/Python function `\w+`/);
  });

  it("feeds the validation error back after a malformed answer, then records a failed step", async () => {
    const { client: c, model } = client({ scripted: { faults: { malformed: 1 } }, structuredRetries: 2 });
    const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe("invalid-output");
    expect(r.calls.map((x) => x.outcome)).toEqual(["invalid-output", "invalid-output", "invalid-output"]);
    const prompts = model().recentCalls.map((call) => JSON.stringify(call.prompt));
    expect(prompts[0]).not.toContain("could not be used");
    expect(prompts[1]).toContain("Your previous answer could not be used");
    expect(prompts[2].match(/could not be used/g)).toHaveLength(2);
  });

  it("recovers when a re-asked malformed answer comes back valid", async () => {
    const { client: c } = client({ scripted: { faults: { malformed: 0.5 } }, structuredRetries: 10 });
    let recovered = 0;
    for (let i = 0; i < 8; i++) {
      const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt({ ...snippet, id: `x${i}`, code: `${snippet.code} # ${i}` }), schema: instructionOutput });
      expect(r.ok).toBe(true);
      if (r.calls.length > 1) recovered++;
    }
    expect(recovered).toBeGreaterThan(0);
  });

  it("records a refusal as such", async () => {
    const { client: c } = client({ scripted: { faults: { refusal: 1 } }, structuredRetries: 1 });
    const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(!r.ok && r.failure.kind).toBe("refusal");
    expect(r.calls[0].text).toMatch(/sorry/i);
  });

  it("times out a slow answer, retries, then fails without hanging", async () => {
    const { client: c } = client({ scripted: { slowMs: 10_000, faults: { slow: 1 } }, timeoutMs: 40, maxRetries: 2 });
    const started = Date.now();
    const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(!r.ok && r.failure.kind).toBe("unavailable");
    expect(r.calls.map((x) => x.outcome)).toEqual(["timeout", "timeout", "timeout"]);
  });

  it("cancels an in-flight call through its AbortSignal", async () => {
    const { client: c } = client({ scripted: { latencyMs: 10_000 } });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    const started = Date.now();
    const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput, signal: ac.signal });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(!r.ok && r.failure.kind).toBe("cancelled");
  });

  it("holds at most `concurrency` calls in flight per endpoint", async () => {
    const { client: c, model } = client({ concurrency: 2, scripted: { latencyMs: 40 } });
    await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput }); // creates the model
    const m = model();
    let inFlight = 0;
    let peak = 0;
    const inner = m.doGenerate;
    m.doGenerate = async (o) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await inner(o);
      } finally {
        inFlight--;
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, (_, i) => c.call({ role: "iGenerator", prompt: ds1InstructionPrompt({ ...snippet, code: `# ${i}` }), schema: instructionOutput })));
    expect(peak).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 40 - 5);
  });

  it("counts tokens and prices them per call, per step and per client", async () => {
    const { client: c } = client({ pricePerMillionInput: 2, pricePerMillionOutput: 10 });
    const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    const call = r.calls[0];
    expect(call.costUsd).toBeCloseTo((call.inputTokens * 2 + call.outputTokens * 10) / 1e6, 12);
    expect(r.usage).toEqual({ calls: 1, inputTokens: call.inputTokens, outputTokens: call.outputTokens, costUsd: call.costUsd });
    await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt({ ...snippet, code: "x" }), schema: instructionOutput });
    expect(c.usage().calls).toBe(2);
  });
});
