import { afterAll, describe, expect, it } from "vitest";
import { modelEndpointSchema, type ModelEndpointInput } from "@/lib/domain/model-endpoint";
import { instructionOutput, solutionOutput } from "@/lib/domain/output-schemas";
import { ds1InstructionPrompt, ds1ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import { startScriptedOpenAIServer } from "@/lib/evals/testing/scripted-openai-server";
import { implementation, instructionFor } from "./scripted/templates";
import { createModelClient, type ModelClient } from "./model-client";
import { StructuredModeMemory } from "./structured-output";
import { startFlawedServer, type FlawedServer } from "./testing/flawed-openai-server";
import type { FlawedServerConfigInput } from "./testing/flawed-server-config";

/**
 * The model client against an OpenAI-compatible server over real HTTP that answers the ways real
 * servers do: each test switches one behaviour on and would fail without its handling.
 */

const servers: FlawedServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

async function serve(config: FlawedServerConfigInput): Promise<FlawedServer> {
  const s = await startFlawedServer(config);
  servers.push(s);
  return s;
}

function clientFor(url: string, endpoint: Partial<ModelEndpointInput> = {}, maxOutputTokens = 2048): ModelClient {
  const e = modelEndpointSchema.parse({ name: "real", provider: "openai-compatible", baseURL: url, model: "flawed-coder", retryBaseDelayMs: 1, retryMaxDelayMs: 200, ...endpoint });
  const role = { endpoint: "real", temperature: 0.2, maxOutputTokens };
  return createModelClient({ endpoints: [e], roles: { iGenerator: role, rGenerator: role, scorer: role, discussion: role }, seed: 7, modeMemory: new StructuredModeMemory() });
}

const python = implementation("py", "sum-evens");
const solvePrompt = ds1ResponsePrompt("py", instructionFor("py", "sum-evens"));
const snippet = { id: "s1", language: "py", code: "def f(xs):\n    return sum(x for x in xs if x % 2 == 0)" };

describe("answers as real models write them", () => {
  it("reads JSON inside a ```json fence without re-asking", async () => {
    const s = await serve({ rates: { fencedJson: 1 } });
    const r = await clientFor(s.url).call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(r.ok).toBe(true);
    expect(r.calls.map((c) => c.outcome)).toEqual(["ok"]);
    expect(r.calls[0].text).toMatch(/^```json\n\{/);
  });

  it("reads JSON after a sentence of prose without re-asking", async () => {
    const s = await serve({ rates: { proseFirst: 1 } });
    const r = await clientFor(s.url).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(r.ok && r.value.solution).toBe(python.solution);
    expect(r.calls.map((c) => c.outcome)).toEqual(["ok"]);
    expect(r.calls[0].text).toMatch(/^Sure! Here is/);
  });

  it("reads JSON after a <think> block without re-asking", async () => {
    const s = await serve({ rates: { think: 1 } });
    const r = await clientFor(s.url).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(r.ok).toBe(true);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0].text).toMatch(/^<think>/);
  });

  it("strips the Markdown fence a model put inside the code fields; the raw answer stays on the call", async () => {
    const s = await serve({ rates: { fencedCode: 1, think: 1 } });
    const r = await clientFor(s.url).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.solution.trim()).toBe(python.solution);
    expect(r.value.tests.trim()).toBe(python.tests);
    expect(r.value.solution).not.toContain("```");
    expect(r.calls[0].text).toContain("```python");
  });
});

describe("cut-off answers", () => {
  it("asks again afresh with a doubled budget after finish_reason length", async () => {
    const s = await serve({ verboseTokens: 250, rates: { cutOff: 1 } });
    const r = await clientFor(s.url, {}, 200).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(r.ok).toBe(true);
    expect(r.calls.map((c) => [c.outcome, c.maxOutputTokens])).toEqual([["cut-off", 200], ["ok", 400]]);
    // the same prompt, not the cut-off text appended to it
    expect(r.calls[1].inputTokens).toBe(r.calls[0].inputTokens);
    expect((await s.stats()).flaws.truncated).toBe(1);
  });

  it("stops at the model's context and fails the step as cut off", async () => {
    const s = await serve({ verboseTokens: 250, rates: { cutOff: 1 } });
    const probe = await clientFor(s.url, {}, 8).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    const promptTokens = probe.calls[0].inputTokens;
    const r = await clientFor(s.url, { contextLength: promptTokens + 300 }, 200).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe("cut-off");
    expect(r.calls.map((c) => [c.outcome, c.maxOutputTokens])).toEqual([["cut-off", 200], ["cut-off", 300]]);
  });
});

describe("servers that refuse a response_format", () => {
  it("falls back from json_schema to json_object on llama.cpp's 400, without counting an attempt, and remembers it", async () => {
    const s = await serve({ rejectJsonSchema: true });
    const c = clientFor(s.url, { structuredRetries: 0, maxRetries: 0 });
    const r = await c.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(r.ok).toBe(true);
    expect(r.calls.map((x) => [x.outcome, x.mode, x.attempt])).toEqual([["format-refused", "json_schema", 1], ["ok", "json_object", 1]]);
    const again = await c.call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(again.calls.map((x) => x.mode)).toEqual(["json_object"]);
    expect((await s.stats()).byFormat).toEqual({ json_schema: 1, json_object: 2 });
  });

  it("asks with no response_format and the schema in the prompt when both are refused", async () => {
    const s = await serve({ rejectJsonSchema: true, rejectJsonObject: true });
    const r = await clientFor(s.url).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(r.ok && r.value.solution).toBe(python.solution);
    expect(r.calls.map((x) => x.mode)).toEqual(["json_schema", "json_object", "none"]);
  });

  it("keeps json_schema on LM Studio, and a mode pinned to json_object fails with a clear message, once", async () => {
    const s = await serve({ rejectJsonObject: true });
    const auto = await clientFor(s.url).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(auto.calls.map((x) => [x.outcome, x.mode])).toEqual([["ok", "json_schema"]]);
    const pinned = await clientFor(s.url, { structuredOutput: "json_object" }).call({ role: "rGenerator", prompt: solvePrompt, schema: solutionOutput });
    expect(pinned.ok).toBe(false);
    if (pinned.ok) return;
    expect(pinned.failure.kind).toBe("error");
    expect(pinned.failure.message).toMatch(/refused response_format json_object.*pinned/);
    expect(pinned.calls).toHaveLength(1);
  });
});

describe("transport faults", () => {
  it("waits out 429s (Retry-After) and 500s and gets the answer", async () => {
    const s = await serve({ retryAfterMs: 30, rates: { rateLimit: 0.4, serverError: 0.2 } });
    const c = clientFor(s.url, { maxRetries: 12 });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => c.call({ role: "iGenerator", step: `t${i}`, prompt: ds1InstructionPrompt({ ...snippet, code: `${snippet.code}\n# ${i}` }), schema: instructionOutput })));
    expect(results.every((r) => r.ok)).toBe(true);
    const calls = results.flatMap((r) => r.calls);
    const limited = calls.filter((x) => x.outcome === "rate-limited");
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((x) => x.status === 429 && x.retryInMs! >= 30)).toBe(true);
    expect(calls.some((x) => x.outcome === "server-error" && x.status === 500)).toBe(true);
  });

  it("gives up on an answer slower than the endpoint's timeout", async () => {
    const s = await serve({ slowMs: 3_000, rates: { slow: 1 } });
    const r = await clientFor(s.url, { timeoutMs: 200, maxRetries: 1 }).call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.kind).toBe("unavailable");
    expect(r.calls.map((x) => x.outcome)).toEqual(["timeout", "timeout"]);
  });
});

describe("prompts sent to a real endpoint", () => {
  it("carry no routing tag and no demo-model option; the prompt alone says what to answer", async () => {
    const s = await startScriptedOpenAIServer(() => [JSON.stringify({ instruction: instructionFor("py", "sum-evens") })]);
    try {
      const r = await clientFor(`${s.url}/v1`).call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
      expect(r.ok).toBe(true);
      const sent = JSON.stringify(s.requests[0].body);
      expect(sent).not.toMatch(/xinstruct:|promptKind|xinstruct-demo/);
      expect(s.requests[0].body.messages?.[0]).toMatchObject({ role: "system" });
    } finally {
      await s.close();
    }
  });
});
