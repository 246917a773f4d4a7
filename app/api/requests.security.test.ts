import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { proxy } from "@/proxy";
import * as jobs from "@/app/api/jobs/route";
import * as runs from "@/app/api/runs/route";
import * as metrics from "@/app/api/training/[id]/metrics/route";
import { createTrainingJob } from "@/lib/training/jobs-service";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

/**
 * Holes 1 and 5 of the security issue, at the proxy (every page and API) and in the route
 * wrapper (the upload routes bypass the proxy): drive-by requests from other sites, a foreign
 * Host (DNS rebinding), text/plain bodies, job types a user may not start, stale training tokens.
 */
let t: TestDb;
beforeAll(async () => { t = await createAppTestDb({ HOST: "127.0.0.1", PORT: "3000", ALLOWED_HOSTS: "xi.example.org" }); });
afterAll(async () => { await t.cleanup(); });

const none = undefined as never;
const req = (path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { method: init.method ?? "GET", body: init.body, headers: { host: "127.0.0.1:3000", ...init.headers } });
const demoJob = JSON.stringify({ type: "demo.progress", payload: { steps: 1 } });

describe("drive-by requests", () => {
  it("a cross-site text/plain POST to /api/jobs is refused with 403 and queues nothing", async () => {
    const attacks: Record<string, string>[] = [
      { origin: "http://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      { origin: "http://evil.example", "content-type": "text/plain" }, // a browser without Fetch Metadata
      { origin: "http://localhost:5173", "sec-fetch-site": "same-site", "content-type": "application/json" }, // another local app
      { origin: "null", "content-type": "text/plain" }, // a sandboxed iframe or file:// page
    ];
    for (const headers of attacks) {
      const atProxy = await proxy(req("/api/jobs", { method: "POST", body: demoJob, headers }));
      expect(atProxy.status, JSON.stringify(headers)).toBe(403);
      expect((await atProxy.json()).error).toMatchObject({ code: "forbidden:cross_origin", message: expect.stringMatching(/accepted only from this app's own pages/) });
      const atRoute = await jobs.POST(req("/api/jobs", { method: "POST", body: demoJob, headers }), none);
      expect(atRoute.status).toBe(403);
    }
    expect(await t.db.job.count()).toBe(0);
  });

  it("a same-origin JSON POST from the app's pages, and one from the CLI or curl (no Origin), still work", async () => {
    const page = { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" };
    expect((await proxy(req("/api/jobs", { method: "POST", body: demoJob, headers: page }))).status).toBe(200);
    expect((await jobs.POST(req("/api/jobs", { method: "POST", body: demoJob, headers: page }), none)).status).toBe(201);
    expect((await jobs.POST(req("/api/jobs", { method: "POST", body: demoJob, headers: { "content-type": "application/json" } }), none)).status).toBe(201);
    expect(await t.db.job.count()).toBe(2);
  });

  it("a JSON endpoint refuses a text/plain body with 415 even without an Origin", async () => {
    const res = await runs.POST(req("/api/runs", { method: "POST", body: JSON.stringify({ corpusId: "x" }), headers: { "content-type": "text/plain;charset=UTF-8" } }), none);
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("invalid:content_type");
  });

  it("a foreign Host (DNS rebinding) is refused for pages and APIs, GETs included; ALLOWED_HOSTS names are served", async () => {
    for (const path of ["/", "/api/runs", "/api/settings/endpoints"]) {
      const res = await proxy(req(path, { headers: { host: "evil.example:3000" } }));
      expect(res.status, path).toBe(403);
      expect(await res.text()).toMatch(/does not serve the host \\?"evil\.example:3000/);
    }
    expect((await runs.GET(req("/api/runs", { headers: { host: "evil.example" } }), none)).status).toBe(403);
    for (const host of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "xi.example.org", "XI.example.org:443"]) {
      expect((await proxy(req("/api/runs", { headers: { host } }))).status, host).toBe(200);
    }
  });
});

describe("POST /api/jobs", () => {
  it("starts only job types a user may start; the rest are refused and nothing is queued", async () => {
    const before = await t.db.job.count();
    for (const type of ["noop", "training.run", "generation.run", "corpus.ingest"]) {
      const res = await jobs.POST(req("/api/jobs", { method: "POST", body: JSON.stringify({ type, payload: {} }), headers: { "content-type": "application/json" } }), none);
      expect(res.status, type).toBe(403);
      expect((await res.json()).error.message).toMatch(/not from POST \/api\/jobs/);
    }
    expect(await t.db.job.count()).toBe(before);
  });
});

describe("training metrics token", () => {
  it("is refused once its job has ended", async () => {
    const job = await createTrainingJob(t.db, tinyConfig(), { workRoot: "/tmp/xi-sec-training", appUrl: "http://127.0.0.1:3000" });
    const post = () => metrics.POST(req(`/api/training/${job.id}/metrics`, { method: "POST", body: JSON.stringify({ records: [{ type: "metrics", step: 1, values: { loss: 1 } }] }), headers: { "content-type": "application/json", authorization: `Bearer ${job.token}` } }), { params: Promise.resolve({ id: job.id }) });
    expect((await post()).status).toBe(200);
    await t.db.trainingJob.update({ where: { id: job.id }, data: { status: "succeeded" } });
    const late = await post();
    expect(late.status).toBe(403);
    expect((await late.json()).error.code).toBe("forbidden:training_ended");
  });
});
