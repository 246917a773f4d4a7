import type { LanguageModelV2, LanguageModelV2CallOptions, LanguageModelV3CallOptions } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { modelEndpointSchema } from "@/lib/domain/model-endpoint";
import { instructionOutput, solutionOutput } from "@/lib/domain/output-schemas";
import { ds1InstructionPrompt, ds1ResponsePrompt } from "@/lib/domain/prompts/seed-prompts";
import { generateOnce } from "./generate-once";
import { createModelClient } from "./model-client";
import { StructuredModeMemory } from "./structured-output";

/**
 * What the model sees of a call, now that the client calls doGenerate itself rather than
 * generateText: the prompt, the response format with the call's own JSON schema (built once
 * per zod schema and cached), and the answer's text, finish reason and tokens read back.
 */

const snippet = { id: "s1", language: "py", code: "def f(xs):\n    return [x for x in xs if x]" };
const INSTRUCTION = JSON.stringify({ instruction: "Write a Python function `keep_truthy` that drops falsy items from a list." });
const SOLUTION = JSON.stringify({ solution: "def keep_truthy(xs):\n    return [x for x in xs if x]", tests: "assert keep_truthy([0, 1]) == [1]" });

function recordingClient(answers: { text: string; finish?: "stop" | "length" }[], structuredOutput: "auto" | "none" = "auto") {
  const seen: LanguageModelV3CallOptions[] = [];
  const model = new MockLanguageModelV3({
    doGenerate: async (options) => {
      seen.push(options);
      const a = answers[seen.length - 1] ?? answers.at(-1)!;
      return {
        content: [{ type: "text", text: a.text.slice(0, 20) }, { type: "reasoning", text: "not part of the answer" }, { type: "text", text: a.text.slice(20) }],
        finishReason: { unified: a.finish ?? "stop", raw: a.finish ?? "stop" },
        usage: { inputTokens: { total: 11, noCache: 11, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 7, text: 7, reasoning: 0 } },
        warnings: [],
      };
    },
  });
  const endpoint = modelEndpointSchema.parse({ name: "rec", provider: "openai-compatible", baseURL: "http://127.0.0.1:1/v1", model: "m", structuredOutput });
  const role = { endpoint: "rec", temperature: 0.3, maxOutputTokens: 512 };
  const client = createModelClient({ endpoints: [endpoint], roles: { iGenerator: role, rGenerator: role, scorer: role, discussion: role }, seed: 5, resolveModel: () => model, modeMemory: new StructuredModeMemory() });
  return { client, seen };
}

const schemaOf = (o: LanguageModelV3CallOptions) => (o.responseFormat as { type: string; schema?: { properties?: Record<string, unknown> } }).schema;

describe("one model call through doGenerate", () => {
  it("sends each call its own schema's JSON schema, also when the schemas alternate", async () => {
    const { client, seen } = recordingClient([{ text: INSTRUCTION }, { text: SOLUTION }, { text: INSTRUCTION }]);
    const q = await client.call({ role: "iGenerator", step: "a", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    const a = await client.call({ role: "rGenerator", step: "b", prompt: ds1ResponsePrompt("py", "Write keep_truthy."), schema: solutionOutput });
    const q2 = await client.call({ role: "iGenerator", step: "c", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect([q.ok, a.ok, q2.ok]).toEqual([true, true, true]);
    expect(seen.map((o) => o.responseFormat?.type)).toEqual(["json", "json", "json"]);
    expect(Object.keys(schemaOf(seen[0])!.properties!)).toEqual(["instruction"]);
    expect(Object.keys(schemaOf(seen[1])!.properties!).sort()).toEqual(["solution", "tests"]);
    expect(Object.keys(schemaOf(seen[2])!.properties!)).toEqual(["instruction"]);
    // built once per zod schema: the same object again, not one rebuilt per call
    expect(schemaOf(seen[2])).toBe(schemaOf(seen[0]));
  });

  it("puts the right schema in the system prompt when the server is not given it", async () => {
    const { client, seen } = recordingClient([{ text: INSTRUCTION }, { text: SOLUTION }], "none");
    await client.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    await client.call({ role: "rGenerator", prompt: ds1ResponsePrompt("py", "Write keep_truthy."), schema: solutionOutput });
    expect(seen.map((o) => o.responseFormat)).toEqual([{ type: "text" }, { type: "text" }]);
    const system = seen.map((o) => (o.prompt[0].role === "system" ? o.prompt[0].content : ""));
    expect(system[0]).toMatch(/JSON Schema:\n.*"instruction"/);
    expect(system[0]).not.toContain('"tests"');
    expect(system[1]).toMatch(/JSON Schema:\n.*"tests"/);
  });

  it("passes the prompt, sampling settings and seed, and reads text parts, tokens and the finish reason back", async () => {
    const { client, seen } = recordingClient([{ text: INSTRUCTION }]);
    const prompt = ds1InstructionPrompt(snippet);
    const r = await client.call({ role: "iGenerator", step: "x", prompt, schema: instructionOutput });
    expect(r.ok && r.text).toBe(INSTRUCTION);
    expect(r.calls[0]).toMatchObject({ outcome: "ok", inputTokens: 11, outputTokens: 7, maxOutputTokens: 512 });
    const o = seen[0];
    expect(o.prompt).toEqual([
      { role: "system", content: prompt.system },
      { role: "user", content: [{ type: "text", text: prompt.user }] },
    ]);
    expect(o).toMatchObject({ temperature: 0.3, maxOutputTokens: 512 });
    expect(typeof o.seed).toBe("number");
    expect(o.abortSignal).toBeInstanceOf(AbortSignal);
  });

  it("asks a cut-off answer again afresh with a larger budget (finish reason 'length' read through)", async () => {
    const { client, seen } = recordingClient([{ text: INSTRUCTION.slice(0, 30), finish: "length" }, { text: INSTRUCTION }]);
    const r = await client.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(r.ok).toBe(true);
    expect(r.calls.map((c) => c.outcome)).toEqual(["cut-off", "ok"]);
    expect(seen[1].maxOutputTokens).toBeGreaterThan(seen[0].maxOutputTokens!);
    expect(seen[1].prompt).toHaveLength(2);
  });

  it("feeds a malformed answer back as an assistant turn and a user correction", async () => {
    const { client, seen } = recordingClient([{ text: '{"instruction": "too short"}' }, { text: INSTRUCTION }]);
    const r = await client.call({ role: "iGenerator", prompt: ds1InstructionPrompt(snippet), schema: instructionOutput });
    expect(r.ok).toBe(true);
    expect(seen[1].prompt.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(seen[1].prompt[2]).toEqual({ role: "assistant", content: [{ type: "text", text: '{"instruction": "too short"}' }] });
  });

  it("sends a model of an older spec (v2) through generateText, with the same request and answer", async () => {
    const seen: LanguageModelV2CallOptions[] = [];
    const v2: LanguageModelV2 = {
      specificationVersion: "v2",
      provider: "old",
      modelId: "m2",
      supportedUrls: {},
      doGenerate: async (options) => {
        seen.push(options);
        return { content: [{ type: "text", text: INSTRUCTION }], finishReason: "length", usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 }, warnings: [] };
      },
      doStream: () => Promise.reject(new Error("not used")),
    };
    const schema = { type: "object", properties: { instruction: { type: "string" } } };
    const r = await generateOnce(v2, { system: "sys", messages: [{ role: "user", content: "hi" }], mode: "json_schema", jsonSchema: schema, temperature: 0.1, maxOutputTokens: 64, seed: 3, abortSignal: new AbortController().signal });
    expect(r).toEqual({ text: INSTRUCTION, finishReason: "length", inputTokens: 3, outputTokens: 4 });
    expect(seen[0].prompt).toEqual([
      { role: "system", content: "sys" },
      { role: "user", content: [{ type: "text", text: "hi" }] },
    ]);
    expect(seen[0].responseFormat).toMatchObject({ type: "json", schema });
    expect(seen[0]).toMatchObject({ temperature: 0.1, maxOutputTokens: 64, seed: 3 });
  });
});
