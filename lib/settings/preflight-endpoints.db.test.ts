import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { saveEndpoint } from "@/lib/settings/endpoints";
import { createRun } from "@/lib/pipeline/run/create-run";
import { resumeRun } from "@/lib/pipeline/run/run-control";
import { demoRunConfig, demoSnippetInputs } from "@/lib/pipeline/run/test-support";
import { enqueueDpo } from "@/lib/pipeline/verify/enqueue-stage";
import { dpoSettingsSchema } from "@/lib/pipeline/dpo/dpo-options";

let t: TestDb;
let deadUrl: string;
beforeAll(async () => {
  t = await createTestDb();
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  deadUrl = `http://127.0.0.1:${(s.address() as AddressInfo).port}/v1`;
  await new Promise<void>((r) => s.close(() => r()));
  await saveEndpoint(t.db, { name: "gone", provider: "openai-compatible", baseUrl: deadUrl, model: "m" });
});
afterAll(async () => { await t.cleanup(); });

describe("the endpoints a job needs are checked before it is queued", () => {
  it("resuming a paused run whose server has gone: refused with the reason, the run stays paused, no job", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: demoRunConfig({ models: { discussion: { endpoint: "gone" } } }), enqueue: false });
    await t.db.run.update({ where: { id: run.id }, data: { status: "paused" } });
    await expect(resumeRun(t.db, run.id)).rejects.toMatchObject({ code: "unavailable:endpoint", message: expect.stringMatching(/^The run was not resumed: endpoint "gone": Connection refused/) });
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("paused");
    expect(await t.db.job.count({ where: { runId: run.id } })).toBe(0);
  });

  it("a DPO stage sampling from a dead endpoint is not queued; from the demo model it is", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: demoRunConfig(), enqueue: false });
    await expect(enqueueDpo(t.db, run.id, dpoSettingsSchema.parse({ n: 4, model: "gone" }))).rejects.toMatchObject({ code: "unavailable:endpoint", message: expect.stringMatching(/^The DPO stage was not started: endpoint "gone": Connection refused/) });
    expect(await t.db.job.count({ where: { runId: run.id } })).toBe(0);
    expect((await enqueueDpo(t.db, run.id, dpoSettingsSchema.parse({ n: 4, model: "demo" }))).jobId).toBeTruthy();
  });
});
