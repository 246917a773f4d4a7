import { afterEach, describe, expect, it } from "vitest";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import { OpenAICompatibleClient, normalizeBaseUrl } from "./openai-compatible";

let server: ScriptedServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const params = { maxTokens: 16, temperature: 0, n: 1 };
const fast = { baseDelayMs: 5, maxDelayMs: 50 };

describe("OpenAICompatibleClient", () => {
  it("normalizes endpoint URLs to their /v1 base", () => {
    expect(normalizeBaseUrl("http://h:8000")).toBe("http://h:8000/v1");
    expect(normalizeBaseUrl("http://h:8000/v1/")).toBe("http://h:8000/v1");
    expect(normalizeBaseUrl("https://api.x.com/v1/chat/completions")).toBe("https://api.x.com/v1");
  });

  it("retries 429 (honouring Retry-After) and 5xx, then succeeds", async () => {
    let calls = 0;
    server = await startScriptedOpenAIServer(() => {
      calls++;
      if (calls === 1) return { status: 429, headers: { "retry-after": "0" } };
      if (calls === 2) return { status: 503 };
      return ["ok"];
    });
    const client = new OpenAICompatibleClient({ url: server.url, model: "m", retry: fast });
    expect(await client.complete("p", params)).toEqual(["ok"]);
    expect(calls).toBe(3);
  });

  it("gives up after maxRetries with unavailable:endpoint", async () => {
    server = await startScriptedOpenAIServer(() => ({ status: 500 }));
    const client = new OpenAICompatibleClient({ url: server.url, model: "m", retry: { ...fast, maxRetries: 2 } });
    await expect(client.complete("p", params)).rejects.toMatchObject({ code: "unavailable:endpoint" });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a 400 or 401, and never puts the API key in the error", async () => {
    server = await startScriptedOpenAIServer((req) => (req.body.model === "bad" ? { status: 400, body: '{"error":"bad model"}' } : { status: 401 }));
    const bad = new OpenAICompatibleClient({ url: server.url, model: "bad", apiKey: "sk-very-secret", retry: fast });
    const err = await bad.chat([{ role: "user", content: "hi" }], params).catch((e) => e);
    expect(err).toMatchObject({ code: "invalid:endpoint" });
    const denied = await new OpenAICompatibleClient({ url: server.url, model: "m", apiKey: "sk-very-secret", retry: fast }).complete("p", params).catch((e) => e);
    expect(denied).toMatchObject({ code: "unauthorized:endpoint" });
    expect(server.requests).toHaveLength(2);
    for (const e of [err, denied]) expect(JSON.stringify({ m: e.message, d: e.detail, s: String(e) })).not.toContain("sk-very-secret");
    expect(JSON.stringify(bad)).not.toContain("sk-very-secret");
  });

  it("retries a request that times out", async () => {
    let calls = 0;
    server = await startScriptedOpenAIServer(async () => {
      calls++;
      if (calls === 1) await new Promise((r) => setTimeout(r, 500));
      return ["late but fine"];
    });
    const client = new OpenAICompatibleClient({ url: server.url, model: "m", timeoutMs: 100, retry: fast });
    expect(await client.complete("p", params)).toEqual(["late but fine"]);
    expect(calls).toBe(2);
  });

  it("stops at once when cancelled, even while backing off", async () => {
    server = await startScriptedOpenAIServer(() => ({ status: 429, headers: { "retry-after": "30" } }));
    const client = new OpenAICompatibleClient({ url: server.url, model: "m", retry: { maxDelayMs: 60_000 } });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error("cancelled by user")), 100);
    await expect(client.complete("p", params, controller.signal)).rejects.toThrow("cancelled by user");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
