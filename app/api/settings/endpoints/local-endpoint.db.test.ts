import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getModel } from "@/lib/llm/providers";
import { TINY_MODEL_PATH } from "@/lib/llm/local/test-model";
import { createRun } from "@/lib/pipeline/run/create-run";
import { resolveSettingsEndpoints } from "@/lib/pipeline/run/run-endpoints";
import { demoSnippetInputs } from "@/lib/pipeline/run/test-support";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import type { TestDb } from "@/lib/testing/test-db";
import * as endpoints from "./route";

let t: TestDb;
const dir = mkdtempSync(path.join(tmpdir(), "xi-local-ep-"));
beforeAll(async () => { t = await createAppTestDb(); });
afterAll(async () => { await t.cleanup(); rmSync(dir, { recursive: true, force: true }); });

const save = async (body: object) => {
  const res = await endpoints.POST(new NextRequest("http://127.0.0.1/api/settings/endpoints", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }), undefined as never);
  return { status: res.status, json: await res.json() };
};

describe("a local model endpoint in Settings", () => {
  it("is saved with the file's absolute path once the file is checked to be a GGUF model, and runs use it", async () => {
    const { status, json } = await save({ name: "tiny local", provider: "local", model: "tiny-random", modelPath: path.relative(process.cwd(), TINY_MODEL_PATH), threads: 1, maxConcurrency: 2 });
    expect(status).toBe(201);
    expect(json.endpoint).toMatchObject({ name: "tiny local", provider: "local", modelPath: TINY_MODEL_PATH, threads: 1, hasApiKey: false });

    const { run, config } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: { models: { iGenerator: { endpoint: "tiny local" } } }, enqueue: false });
    expect(run.status).toBe("queued");
    const [resolved] = await resolveSettingsEndpoints(t.db, config);
    expect(resolved).toMatchObject({ name: "tiny local", provider: "local", modelPath: TINY_MODEL_PATH, threads: 1, concurrency: 2 });
    expect(getModel(resolved)).toMatchObject({ provider: "xinstruct-local", modelId: "tiny-random" });
  });

  it("is refused with a clear message when the file is missing, not a GGUF, or not given, and nothing is stored", async () => {
    const fake = path.join(dir, "model.gguf");
    writeFileSync(fake, "not a model");
    const cases: [object, RegExp][] = [
      [{ modelPath: path.join(dir, "missing.gguf") }, /^No file at .*missing\.gguf/],
      [{ modelPath: fake }, /is not a GGUF model file/],
      [{ modelPath: dir }, /is a directory/],
      [{}, /needs the path of a \.gguf model file/],
    ];
    for (const [extra, message] of cases) {
      const { status, json } = await save({ name: "bad local", provider: "local", model: "m", ...extra });
      expect(status).toBe(400);
      expect(json.error.message).toMatch(message);
    }
    expect(await t.db.modelEndpoint.count({ where: { name: "bad local" } })).toBe(0);
  });

  it("a run config naming a model file that is not there is refused when the run is created", async () => {
    const yaml = ["models:", "  endpoints:", "    - name: mine", "      provider: local", "      model: qwen", `      modelPath: ${path.join(dir, "gone.gguf")}`, ...["iGenerator", "rGenerator", "scorer", "discussion"].flatMap((r) => [`  ${r}:`, "    endpoint: mine"])].join("\n");
    await expect(createRun(t.db, { yaml, snippets: demoSnippetInputs(1), enqueue: false })).rejects.toMatchObject({ code: "invalid:run-config", message: expect.stringMatching(/models\.endpoints\.0\.modelPath \(mine\): No file at .*gone\.gguf/) });
    expect(await t.db.run.count({ where: { name: { contains: "gone" } } })).toBe(0);
  });
});
