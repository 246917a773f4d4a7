import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { startFlavouredServer, type FlavouredServer } from "@/lib/llm/testing/flavoured-server";
import { getEndpointWithSecret, listEndpoints, saveEndpoint } from "@/lib/settings/endpoints";
import { testEndpoint } from "@/lib/settings/test-endpoint";
import { toModelEndpoint } from "@/lib/pipeline/run/run-endpoints";
import { createRun } from "@/lib/pipeline/run/create-run";
import { demoRunConfig, demoSnippetInputs } from "@/lib/pipeline/run/test-support";

let t: TestDb;
let llama: FlavouredServer;
beforeAll(async () => {
  t = await createTestDb();
  llama = await startFlavouredServer({ flavour: "llama.cpp-old", models: ["coder.gguf"], contextLength: 4096, apiKey: "sk-secret-1234" });
});
afterAll(async () => { await llama.close(); await t.cleanup(); });

const save = (over: Partial<Parameters<typeof saveEndpoint>[1]>) => saveEndpoint(t.db, { name: "llama", provider: "openai-compatible", baseUrl: llama.url, model: "coder.gguf", apiKey: "sk-secret-1234", ...over });

describe("Test connection, stored on the Settings row", () => {
  it("stores the probe; with mode auto the client uses the mode and context found; the key never reaches the stored probe", async () => {
    await save({});
    const { probe, endpoint } = await testEndpoint(t.db, { name: "llama" });
    expect(probe).toMatchObject({ ok: true, structuredOutput: "json_object", contextLength: 4096 });
    expect(endpoint.probe).toMatchObject({ ok: true, structuredOutput: "json_object" });
    expect(endpoint.probedAt).not.toBeNull();
    const row = await getEndpointWithSecret(t.db, "llama");
    expect(row.probeJson).not.toContain("sk-secret");
    expect(toModelEndpoint(row)).toMatchObject({ structuredOutput: "json_object", contextLength: 4096 });
    expect((await listEndpoints(t.db))[0]).toMatchObject({ name: "llama", structuredOutput: "auto", probe: { ok: true, structuredOutput: "json_object" } });
  });

  it("a mode set in Settings overrides the probed one, and a context length set there wins too", async () => {
    await save({ structuredOutput: "none", contextLength: 2048 });
    const row = await getEndpointWithSecret(t.db, "llama");
    expect(row.probeJson).not.toBeNull(); // same server and model: the test still holds
    expect(toModelEndpoint(row)).toMatchObject({ structuredOutput: "none", contextLength: 2048 });
  });

  it("a failed test is stored with its reason and not used; changing the server forgets the old test", async () => {
    await save({ apiKey: "sk-wrong-0000" });
    expect((await getEndpointWithSecret(t.db, "llama")).probeJson).toBeNull(); // another key: the old result is gone
    const { probe } = await testEndpoint(t.db, { name: "llama" });
    expect(probe).toMatchObject({ ok: false, errorKind: "auth" });
    const row = await getEndpointWithSecret(t.db, "llama");
    expect(JSON.parse(row.probeJson!).error).toMatch(/refused the API key \(HTTP 401\)/);
    expect(toModelEndpoint(row).structuredOutput).toBe("auto");
  });

  it("a run whose role names a dead Settings endpoint is refused before it is stored", async () => {
    await save({ apiKey: "sk-wrong-0000" });
    const withLlama = demoRunConfig({ models: { scorer: { endpoint: "llama" } } });
    const runs = await t.db.run.count();
    await expect(createRun(t.db, { snippets: demoSnippetInputs(1), config: withLlama }))
      .rejects.toMatchObject({ code: "unavailable:endpoint", message: expect.stringMatching(/^The run was not started: endpoint "llama": The server refused the API key \(HTTP 401\)/) });
    expect(await t.db.run.count()).toBe(runs);
    await save({ apiKey: "sk-secret-1234" });
    const { run, job } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: withLlama });
    expect(run.status).toBe("queued");
    expect(job).not.toBeNull();
  });
});
