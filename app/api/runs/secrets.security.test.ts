import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { resetEnvForTests } from "@/lib/env";
import { demoRunConfig, demoSnippetInputs } from "@/lib/pipeline/run/test-support";
import { runConfigFromYaml } from "@/lib/domain/run-config-yaml";
import { runLocal } from "@/lib/training/backends/local";
import * as runs from "@/app/api/runs/route";
import * as one from "@/app/api/runs/[id]/route";
import * as config from "@/app/api/runs/[id]/config/route";
import * as snapshot from "@/app/api/runs/[id]/snapshot/route";
import * as jobs from "@/app/api/jobs/route";

/** Hole 4 of the security issue: endpoint secrets and the app's own secrets never leave the server. */
let t: TestDb;
beforeAll(async () => { t = await createAppTestDb(); });
afterAll(async () => { await t.cleanup(); });

const SECRETS = { apiKey: "sk-live-APIKEY-0123456789", authorization: "Bearer HDR-AUTH-abcdef123456", xApiKey: "XKEY-fedcba654321", custom: "ORG-TOKEN-9876543210" };
const none = undefined as never;
const get = (p: string) => new NextRequest(`http://127.0.0.1${p}`);
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const expectNoSecret = (text: string, where: string) => {
  for (const s of Object.values(SECRETS)) expect(text, `${where} leaks ${s}`).not.toContain(s);
};

describe("endpoint secrets", () => {
  it("no API key or header value of an endpoint appears in any API response or export", async () => {
    const cfg = demoRunConfig({}, {}, { apiKey: SECRETS.apiKey, headers: { Authorization: SECRETS.authorization, "x-api-key": SECRETS.xApiKey, "X-Org": SECRETS.custom } });
    const created = await runs.POST(new NextRequest("http://127.0.0.1/api/runs", { method: "POST", body: JSON.stringify({ config: cfg, snippets: demoSnippetInputs(1) }), headers: { "content-type": "application/json" } }), none);
    expect(created.status).toBe(201);
    const createdText = await created.text();
    expectNoSecret(createdText, "POST /api/runs");
    const id = JSON.parse(createdText).run.id as string;
    // Stored whole on the server: the worker needs them.
    expect(JSON.stringify((await t.db.run.findUniqueOrThrow({ where: { id } })).config)).toContain(SECRETS.authorization);

    const view = await (await one.GET(get(`/api/runs/${id}`), params(id))).text();
    expectNoSecret(view, "GET /api/runs/:id");
    expect(JSON.parse(view).run.config.models.endpoints[0].headers).toEqual({ Authorization: "[redacted]", "x-api-key": "[redacted]", "X-Org": "[redacted]" });
    const yaml = await (await config.GET(get(`/api/runs/${id}/config`), params(id))).text();
    expectNoSecret(yaml, "run config export (YAML)");
    expectNoSecret(await (await config.GET(get(`/api/runs/${id}/config?format=json`), params(id))).text(), "run config export (JSON)");
    expectNoSecret(await (await snapshot.GET(get(`/api/runs/${id}/snapshot`), params(id))).text(), "run snapshot");
    expectNoSecret(await (await runs.GET(get("/api/runs"), none)).text(), "GET /api/runs");
    expectNoSecret(await (await jobs.GET(get("/api/jobs"), none)).text(), "GET /api/jobs (job payloads)");

    // Importing the exported file again asks for the header values instead of sending "[redacted]".
    expect(() => runConfigFromYaml(yaml)).toThrow(/header value was redacted when this config was exported/);
  });
});

describe("child processes", () => {
  it("the local training backend hands the trainer an allow-listed environment, without the app's secrets", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "xi-sec-env-"));
    try {
      vi.stubEnv("ADMIN_PASSWORD", "admin-password-LEAK");
      vi.stubEnv("SESSION_SECRET", "session-secret-LEAK-0123456789");
      vi.stubEnv("ADMIN_TOKEN", "admin-token-LEAK-0123456789");
      vi.stubEnv("OPENAI_API_KEY", "sk-openai-LEAK");
      vi.stubEnv("HF_TOKEN", "hf_needed_by_the_trainer");
      resetEnvForTests();
      const lines: string[] = [];
      const plan = { local: { argv: ["/usr/bin/env"], cwd: dir, logFile: path.join(dir, "train.log") } } as Parameters<typeof runLocal>[0];
      const r = await runLocal(plan, { signal: new AbortController().signal, onLines: (l) => lines.push(...l), onExternalId: () => {} });
      expect(r.exitCode).toBe(0);
      const seen = readFileSync(path.join(dir, "train.log"), "utf8");
      expect(seen).toMatch(/^PATH=/m);
      expect(seen).toMatch(/^HF_TOKEN=hf_needed_by_the_trainer$/m);
      expect(seen).toMatch(/^PYTHONUNBUFFERED=1$/m);
      for (const leak of ["ADMIN_PASSWORD", "SESSION_SECRET", "ADMIN_TOKEN", "OPENAI_API_KEY", "DATABASE_URL", "LEAK"]) expect(seen).not.toContain(leak);
    } finally {
      vi.unstubAllEnvs();
      vi.stubEnv("DATABASE_URL", t.url);
      resetEnvForTests();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
