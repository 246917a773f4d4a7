import { generateText, NoObjectGeneratedError, Output } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { modelEndpointSchema } from "@/lib/domain/model-endpoint";
import { getModel } from "@/lib/llm/providers";
import { leaseChat } from "./llama-registry";
import { createLocalModel } from "./local-language-model";
import { TINY_MODEL_PATH } from "./test-model";

// The real tiny random-weights model: its words are gibberish, so these tests assert the
// plumbing (grammar, budget, finish reason, usage, abort, sharing), never the content.
const endpoint = modelEndpointSchema.parse({ name: "tiny", provider: "local", model: "tiny-random", modelPath: TINY_MODEL_PATH, threads: 1, concurrency: 2 });
const model = getModel(endpoint);
const system = "You answer with JSON.";

describe("the embedded local model (node-llama-cpp, real GGUF)", () => {
  it("answers JSON that its grammar, built from the zod schema, makes valid", async () => {
    const schema = z.object({ name: z.string().max(12), kind: z.enum(["loop", "map", "fold"]), tags: z.array(z.string().max(6)).max(3), done: z.boolean() });
    const r = await generateText({ model, system, prompt: "Describe a function.", output: Output.object({ schema }), maxOutputTokens: 400, seed: 1, temperature: 0.7 });
    expect(schema.parse(r.output)).toEqual(r.output);
    expect(JSON.parse(r.text)).toEqual(r.output);
    expect(r.finishReason).toBe("stop");
    expect(r.usage.inputTokens).toBeGreaterThan(5);
    expect(r.usage.outputTokens).toBeGreaterThan(5);
    expect(r.response.modelId).toBe("tiny-random");

    // the same question without a grammar: this model's words are not JSON at all
    const free = await generateText({ model, system, prompt: "Describe a function.", maxOutputTokens: 40, seed: 1, temperature: 0.7 });
    expect(() => JSON.parse(free.text)).toThrow();
  });

  it("stops at maxOutputTokens and reports the cut-off as finish reason length", async () => {
    const r = await generateText({ model, system, prompt: "Write a long story.", maxOutputTokens: 7 });
    expect(r.usage.outputTokens).toBe(7);
    expect(r.finishReason).toBe("length");

    // a JSON answer cut off by the budget: the caller sees an incomplete answer with reason "length"
    const schema = z.object({ solution: z.string().min(1), tests: z.string().min(1) });
    const err = await generateText({ model, system, prompt: "Solve it.", output: Output.object({ schema }), maxOutputTokens: 12 }).catch((e: unknown) => e);
    expect(NoObjectGeneratedError.isInstance(err)).toBe(true);
    expect((err as NoObjectGeneratedError).finishReason).toBe("length");
    expect((err as NoObjectGeneratedError).usage?.outputTokens).toBe(12);
    expect((err as NoObjectGeneratedError).text).toMatch(/^\{\s*"solution"/);
  });

  it("stops generating when the call is aborted, and so does a call still waiting for a sequence", async () => {
    const one = createLocalModel({ modelId: "tiny", modelPath: TINY_MODEL_PATH, threads: 1, sequences: 1 });
    const stop = new AbortController();
    const started = performance.now();
    const long = generateText({ model: one, prompt: "Go on forever.", maxOutputTokens: 3500, abortSignal: stop.signal });
    const queued = new AbortController();
    const waiting = generateText({ model: one, prompt: "Me too.", maxOutputTokens: 5, abortSignal: queued.signal });
    // both outcomes are awaited from the start: the queued call rejects first, and a rejection
    // nobody listens to yet is an unhandled one (vitest fails the whole run on it)
    const longDone = expect(long).rejects.toMatchObject({ name: "AbortError" });
    const waitingDone = expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    setTimeout(() => queued.abort(), 20);
    setTimeout(() => stop.abort(), 60);
    await longDone;
    await waitingDone;
    // 3500 tokens take seconds at one thread (more on a busy machine); the abort ends it at once
    expect(performance.now() - started).toBeLessThan(3_000);
    // the sequence is free again for the next call
    const after = await generateText({ model: one, prompt: "Short.", maxOutputTokens: 3 });
    expect(after.usage.outputTokens).toBe(3);
  });

  it("loads a model file once and shares it, and queues calls beyond its sequences", async () => {
    const settings = { modelPath: TINY_MODEL_PATH, threads: 1, sequences: 1 };
    const a = await leaseChat(settings);
    const pending = leaseChat(settings);
    let got = false;
    void pending.then(() => (got = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(got).toBe(false);
    a.release();
    const b = await pending;
    expect(b.model).toBe(a.model);
    expect(b.chat).toBe(a.chat);
    expect(b.contextSize).toBe(4096);
    b.release();
  });

  it("keeps at most two contexts per model: the least recently used is freed once its calls are done", async () => {
    const a = await leaseChat({ modelPath: TINY_MODEL_PATH, threads: 1, sequences: 1, contextLength: 512 });
    const waiting = leaseChat({ modelPath: TINY_MODEL_PATH, threads: 1, sequences: 1, contextLength: 512 });
    const two = await leaseChat({ modelPath: TINY_MODEL_PATH, threads: 2, sequences: 1, contextLength: 512 });
    const three = await leaseChat({ modelPath: TINY_MODEL_PATH, threads: 3, sequences: 1, contextLength: 512 });
    // the first context was evicted: its waiting caller got a sequence of a new one, at once
    const b = await waiting;
    expect(b.chat).not.toBe(a.chat);
    const evicted = a.chat.sequence.context;
    expect(evicted.disposed).toBe(false);
    a.release();
    await expect.poll(() => evicted.disposed).toBe(true);
    for (const l of [b, two, three]) l.release();
  });

  it("says what is wrong when the prompt does not fit or the file is not there", async () => {
    const small = createLocalModel({ modelId: "tiny", modelPath: TINY_MODEL_PATH, threads: 1, sequences: 1, contextLength: 64 });
    await expect(generateText({ model: small, prompt: "word ".repeat(1000), maxOutputTokens: 5 })).rejects.toThrow(/prompt is 10\d\d tokens; the local model's context holds \d{2,3}\. Raise the endpoint's contextLength \(up to the model's 4096\)/);
    const missing = getModel({ ...endpoint, modelPath: "/nonexistent/model.gguf" });
    await expect(generateText({ model: missing, prompt: "hi", maxOutputTokens: 5 })).rejects.toThrow(/No file at \/nonexistent\/model\.gguf/);
  });
});
