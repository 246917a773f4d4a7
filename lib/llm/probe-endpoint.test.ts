import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { probeEndpoint } from "./probe-endpoint";
import { startFlavouredServer, type FlavouredServer, type FlavouredServerOptions } from "./testing/flavoured-server";
import { closedPort } from "@/lib/testing/closed-port";

const open: FlavouredServer[] = [];
afterEach(async () => { await Promise.all(open.splice(0).map((s) => s.close())); });
async function serve(o: FlavouredServerOptions) {
  const s = await startFlavouredServer(o);
  open.push(s);
  return s;
}
const remote = (baseURL: string, model: string, apiKey?: string) => ({ provider: "openai-compatible" as const, baseURL, model, apiKey });


describe("probeEndpoint against servers that answer like the real ones", () => {
  it("vLLM: served models, latency, json_schema, and max_model_len as the context", async () => {
    const s = await serve({ flavour: "vllm", models: ["Qwen/Qwen2.5-Coder-7B-Instruct"], contextLength: 32768, chatDelayMs: 40 });
    const p = await probeEndpoint(remote(s.url, "Qwen/Qwen2.5-Coder-7B-Instruct"));
    expect(p).toMatchObject({ ok: true, server: "vllm", servedModels: ["Qwen/Qwen2.5-Coder-7B-Instruct"], modelServed: true, structuredOutput: "json_schema", contextLength: 32768 });
    expect(p.latencyMs).toBeGreaterThanOrEqual(35);
    expect(p.contextSource).toMatch(/max_model_len/);
  });

  it("an older llama.cpp refuses json_schema: json_object is found, and the running n_ctx from /props wins over n_ctx_train", async () => {
    const s = await serve({ flavour: "llama.cpp-old", models: ["qwen2.5-coder-1.5b-instruct-q8_0.gguf"], contextLength: 4096 });
    const p = await probeEndpoint(remote(s.url, "qwen2.5-coder-1.5b-instruct-q8_0.gguf"));
    expect(p).toMatchObject({ ok: true, server: "llama.cpp", structuredOutput: "json_object", contextLength: 4096 });
    expect(p.notes.join("\n")).toMatch(/refused response_format json_schema \(HTTP 400: response_format type must be one of/);
    expect(s.hits).toContain("GET /props");
  });

  it("LM Studio accepts json_schema (it would refuse json_object) and gives its loaded context from /api/v0", async () => {
    const s = await serve({ flavour: "lm-studio", models: ["qwen2.5-coder-7b-instruct"], contextLength: 16384 });
    const p = await probeEndpoint(remote(s.url, "qwen2.5-coder-7b-instruct"));
    expect(p).toMatchObject({ ok: true, server: "lm-studio", structuredOutput: "json_schema", contextLength: 16384 });
    expect(s.hits).toContain("GET /api/v0/models/qwen2.5-coder-7b-instruct");
  });

  it("Ollama: the ':latest' tag matches, the context comes from /api/show", async () => {
    const s = await serve({ flavour: "ollama", models: ["qwen2.5-coder:latest"], contextLength: 32768 });
    const p = await probeEndpoint(remote(s.url, "qwen2.5-coder"));
    expect(p).toMatchObject({ ok: true, server: "ollama", modelServed: true, contextLength: 32768, contextSource: "Ollama (/api/show)" });
  });

  it("a model the server does not serve: fails with the list of those it serves, before any chat call", async () => {
    const s = await serve({ flavour: "vllm", models: ["a/one", "b/two"] });
    const p = await probeEndpoint(remote(s.url, "c/three"));
    expect(p).toMatchObject({ ok: false, errorKind: "model", modelServed: false });
    expect(p.error).toBe('The server does not serve the model "c/three". It serves: a/one, b/two.');
    expect(s.hits).toEqual(["GET /v1/models"]);
  });

  it("401: a wrong key and a missing key are told apart; the right key passes", async () => {
    const s = await serve({ flavour: "llama.cpp", models: ["m"], apiKey: "sk-right" });
    const wrong = await probeEndpoint(remote(s.url, "m", "sk-wrong"));
    expect(wrong).toMatchObject({ ok: false, errorKind: "auth" });
    expect(wrong.error).toMatch(/refused the API key \(HTTP 401\): Invalid API Key/);
    expect(wrong.error).not.toContain("sk-wrong");
    const none = await probeEndpoint(remote(s.url, "m"));
    expect(none.error).toMatch(/wants an API key \(HTTP 401\) and none is set/);
    expect((await probeEndpoint(remote(s.url, "m", "sk-right"))).ok).toBe(true);
  });

  it("a closed port: connection refused, in words, fast", async () => {
    const port = await closedPort();
    const p = await probeEndpoint(remote(`http://127.0.0.1:${port}/v1`, "m"));
    expect(p).toMatchObject({ ok: false, errorKind: "refused" });
    expect(p.error).toBe(`Connection refused by 127.0.0.1:${port}: nothing is listening there. Is the model server started, and on this port?`);
    expect(p.tookMs).toBeLessThan(5_000);
  });

  it("a server that never answers: a timeout within the deadline", async () => {
    const hang = http.createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    try {
      const p = await probeEndpoint(remote(`http://127.0.0.1:${(hang.address() as AddressInfo).port}/v1`, "m"), { timeoutMs: 300 });
      expect(p).toMatchObject({ ok: false, errorKind: "timeout" });
      expect(p.error).toMatch(/No answer from 127\.0\.0\.1:\d+ within 0\.3 s/);
    } finally {
      hang.closeAllConnections();
      await new Promise<void>((r) => hang.close(() => r()));
    }
  });

  it("a base URL without /v1: 404 on both routes says the base URL is wrong", async () => {
    const s = await serve({ flavour: "vllm", models: ["m"] });
    const p = await probeEndpoint(remote(s.url.replace(/\/v1$/, ""), "m"));
    expect(p).toMatchObject({ ok: false, errorKind: "not_found" });
    expect(p.error).toMatch(/chat\/completions does not exist \(HTTP 404\): the base URL is probably wrong\. It usually ends in "\/v1"\./);
  });

  it("an unknown host: DNS in words", async () => {
    const p = await probeEndpoint(remote("http://no-such-host.invalid/v1", "m"), { timeoutMs: 5_000 });
    expect(p.ok).toBe(false);
    expect(["dns", "timeout"]).toContain(p.errorKind);
  });

  it("quick mode (before a job) only lists the models; skipModelCheck lets an unserved model through", async () => {
    const s = await serve({ flavour: "vllm", models: ["base"] });
    expect((await probeEndpoint(remote(s.url, "base"), { quick: true })).ok).toBe(true);
    expect(s.hits).toEqual(["GET /v1/models"]);
    expect((await probeEndpoint(remote(s.url, "trained/full"), { quick: true })).ok).toBe(false);
    expect((await probeEndpoint(remote(s.url, "trained/full"), { quick: true, skipModelCheck: true })).ok).toBe(true);
  });
});

describe("probeEndpoint without a server", () => {
  it("the demo model is ok at once", async () => {
    expect(await probeEndpoint({ provider: "scripted", model: "xinstruct-demo" })).toMatchObject({ ok: true, server: "demo", structuredOutput: "json_schema" });
  });

  it("local: a GGUF file passes with its size; a missing or non-GGUF file fails with the reason", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "xi-probe-"));
    const gguf = path.join(dir, "m.gguf");
    writeFileSync(gguf, Buffer.concat([Buffer.from("GGUF"), Buffer.alloc(1020)]));
    expect(await probeEndpoint({ provider: "local", model: "m", modelPath: gguf })).toMatchObject({ ok: true, fileBytes: 1024 });
    const missing = await probeEndpoint({ provider: "local", model: "m", modelPath: path.join(dir, "none.gguf") });
    expect(missing).toMatchObject({ ok: false, errorKind: "file" });
    expect(missing.error).toMatch(/does not exist/);
    const bin = path.join(dir, "model.safetensors");
    writeFileSync(bin, "{\"__metadata__\": {}}");
    expect((await probeEndpoint({ provider: "local", model: "m", modelPath: bin })).error).toMatch(/is not a GGUF model file/);
  });

  it("the shared tiny model is a GGUF file", async () => {
    const p = await probeEndpoint({ provider: "local", model: "tiny", modelPath: path.resolve("../shared/models/llama-2-tiny-random.gguf") });
    expect(p.ok).toBe(true);
    expect(p.fileBytes).toBeGreaterThan(1000);
  });
});
