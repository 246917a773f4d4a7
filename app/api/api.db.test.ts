import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import * as jobs from "@/app/api/jobs/route";
import * as job from "@/app/api/jobs/[id]/route";
import * as endpoints from "@/app/api/settings/endpoints/route";

let t: TestDb;
beforeAll(async () => { t = await createAppTestDb({ MAX_BODY_BYTES: "2000" }); });
afterAll(async () => { await t.cleanup(); });

const post = (url: string, body: string) => new NextRequest(`http://127.0.0.1${url}`, { method: "POST", body, headers: { "content-type": "application/json" } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("API bad input", () => {
  it("answers malformed JSON, oversized bodies, invalid payloads and unknown types with a clear 4xx and writes nothing", async () => {
    const cases: [string, number, string][] = [
      ["{not json", 400, "invalid:json"],
      [JSON.stringify({ type: "demo.progress", payload: { pad: "x".repeat(5000) } }), 413, "too_large:body"],
      [JSON.stringify({ type: "demo.progress", payload: { steps: "many" } }), 400, "invalid:job_payload"],
      [JSON.stringify({ type: "rm -rf" }), 400, "invalid:job_type"],
      [JSON.stringify({ payload: {} }), 400, "invalid:input"],
    ];
    for (const [body, status, code] of cases) {
      const res = await jobs.POST(post("/api/jobs", body), undefined as never);
      expect(res.status, body.slice(0, 40)).toBe(status);
      const json = await res.json();
      expect(json.error.code).toBe(code);
      expect(json.error.message).toBeTruthy();
      expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    }
    expect(await t.db.job.count()).toBe(0);
  });

  it("answers an unknown id with 404", async () => {
    const res = await job.GET(new NextRequest("http://127.0.0.1/api/jobs/nope"), params("nope"));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found:job");
  });

  it("queues a valid job", async () => {
    const res = await jobs.POST(post("/api/jobs", JSON.stringify({ type: "demo.progress", payload: { steps: 2 } })), undefined as never);
    expect(res.status).toBe(201);
    expect((await res.json()).job.status).toBe("queued");
  });
});

describe("settings: model endpoints", () => {
  it("stores the API key on the server and never returns it in full", async () => {
    const key = "sk-live-0123456789abcdefSECRET";
    const res = await endpoints.POST(post("/api/settings/endpoints", JSON.stringify({ name: "vllm", provider: "openai-compatible", baseUrl: "http://127.0.0.1:8000/v1", model: "qwen", apiKey: key })), undefined as never);
    expect(res.status).toBe(201);
    const created = await res.text();
    expect(created).not.toContain("0123456789abcdef");
    const list = await (await endpoints.GET(new NextRequest("http://127.0.0.1/api/settings/endpoints"), undefined as never)).text();
    expect(list).not.toContain("SECRET");
    expect(JSON.parse(list).endpoints[0]).toMatchObject({ name: "vllm", hasApiKey: true, apiKeyPreview: "sk-…CRET" });
    expect((await t.db.modelEndpoint.findUniqueOrThrow({ where: { name: "vllm" } })).apiKey).toBe(key);
    // Saving again without a key keeps the stored one.
    await endpoints.POST(post("/api/settings/endpoints", JSON.stringify({ name: "vllm", provider: "openai-compatible", baseUrl: "http://127.0.0.1:8000/v1", model: "qwen2" })), undefined as never);
    expect((await t.db.modelEndpoint.findUniqueOrThrow({ where: { name: "vllm" } })).apiKey).toBe(key);
  });

  it("rejects an OpenAI-compatible endpoint without a base URL", async () => {
    const res = await endpoints.POST(post("/api/settings/endpoints", JSON.stringify({ name: "x", provider: "openai-compatible", model: "m" })), undefined as never);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/base URL/);
  });
});
