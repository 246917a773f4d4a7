import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import { createEvaluation } from "@/lib/evals/app/evaluations";
import { claimJob, failJob } from "@/lib/jobs/queue";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { resetEnvForTests } from "@/lib/env";
import { rememberEndpointSecrets, scrubSecrets } from "@/lib/secrets/scrub";
import { testEndpoint } from "@/lib/settings/test-endpoint";
import { runJobHere } from "@/lib/pipeline/run/run-job-here";

/**
 * Some model servers echo the API key in their 401 ("Incorrect API key provided: sk-…"). The
 * key must not reach Job.lastError, a run's or an evaluation's error, events or the CLI's output.
 * A real HTTP server on 127.0.0.1: the model list answers (the check before a job passes), every
 * completion is refused with the key it was sent quoted back.
 */
const KEY = "sk-echo-5f3a9c1d2e7b4a60";
const BENCH = "../shared/benchmarks";
let t: TestDb;
let server: http.Server;
let url = "";
let refused = 0;
const dir = mkdtempSync(path.join(os.tmpdir(), "xi-echoed-key-"));

beforeAll(async () => {
  t = await createTestDb();
  server = http.createServer(async (req, res) => {
    for await (const _ of req);
    const json = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.method === "GET" && req.url === "/v1/models") return json(200, { object: "list", data: [{ id: "echo-model", object: "model" }] });
    refused++;
    const sent = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    json(401, { error: { message: `Incorrect API key provided: ${sent}. You can find your API key at https://example.invalid/keys.`, type: "invalid_request_error", code: "invalid_api_key" } });
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  mkdirSync(path.join(dir, "code"));
  writeFileSync(path.join(dir, "code/a.py"), "def mean(xs):\n    return sum(xs) / len(xs)\n");
  writeFileSync(path.join(dir, "code/b.js"), "function words(s) { return s.split(/\\s+/).filter(Boolean); }\n");
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything stored that a user sees: jobs, events, runs (but their config, where the key lives), steps, evaluations. */
async function storedText(): Promise<string> {
  const [jobs, events, runs, steps, evaluations, results] = await Promise.all([
    t.db.job.findMany(),
    t.db.event.findMany(),
    t.db.run.findMany({ omit: { config: true } }),
    t.db.runStep.findMany(),
    t.db.evaluation.findMany(),
    t.db.evalResult.findMany(),
  ]);
  return JSON.stringify({ jobs, events, runs, steps, evaluations, results });
}

const saveEchoEndpoint = () => {
  const data = { name: "echo", provider: "openai-compatible", baseUrl: url, model: "echo-model", apiKey: KEY };
  return t.db.modelEndpoint.upsert({ where: { name: "echo" }, create: data, update: data });
};

describe("a model server that echoes the API key in its error", () => {
  it("xinstruct generate: the run fails and says why, without the key in its output, the run's error, its job or its events", async () => {
    writeFileSync(
      path.join(dir, "run.yaml"),
      `name: echoed
seed: 2
targets:
  ds3Samples: 2
models:
  endpoints:
    - name: real
      provider: openai-compatible
      baseURL: ${url}
      model: echo-model
      apiKey: ${KEY}
      concurrency: 2
      maxRetries: 0
  iGenerator: { endpoint: real }
  rGenerator: { endpoint: real }
  scorer: { endpoint: real }
  discussion: { endpoint: real }
`,
    );
    const before = refused;
    const cli = spawnCli(["generate", "--config", path.join(dir, "run.yaml"), "--corpus", path.join(dir, "code"), "--no-progress"], { DATABASE_URL: t.url });
    expect(await waitForExit(cli, 120_000), cli.output()).toBe(1);
    expect(refused).toBeGreaterThan(before); // the key was sent and echoed
    const run = await t.db.run.findFirstOrThrow({ where: { name: "echoed" } });
    expect(run.status).toBe("failed");
    expect(cli.output()).toContain("failed");
    expect(cli.output()).not.toContain(KEY);
    const stored = await storedText();
    expect(stored).toContain("Incorrect API key provided: [redacted]");
    expect(stored).not.toContain(KEY);
  }, 180_000);

  it("an evaluation job: Job.lastError, the evaluation's error and the job's events name the refusal but not the key", async () => {
    await saveEchoEndpoint();
    const evaluation = await createEvaluation(t.db, {
      name: "echoed eval", model: "echo-model", endpointName: "echo", mode: "chat",
      suites: [{ benchmark: "multipl-e", languages: ["py"], source: BENCH, limit: 2 }],
    }, { enqueue: false });
    const job = await enqueueJob(t.db, "evaluation.run", { evaluationId: evaluation.id }, { maxAttempts: 1 });
    const before = refused;
    const done = await runJobHere(t.db, job.id, { leaseMs: 5_000 });
    expect(refused).toBeGreaterThan(before);
    expect(done.status).toBe("failed");
    expect(done.lastError).toMatch(/401|Incorrect API key/);
    expect(done.lastError).not.toContain(KEY);
    const stored = await t.db.evaluation.findUniqueOrThrow({ where: { id: evaluation.id } });
    expect(stored.status).toBe("failed");
    expect(stored.error).not.toContain(KEY);
    expect(await storedText()).not.toContain(KEY);
  }, 60_000);

  it("Test connection: the stored and returned probe says the key was refused, without the key", async () => {
    await saveEchoEndpoint();
    const before = refused;
    const { probe } = await testEndpoint(t.db, { name: "echo" });
    expect(refused).toBeGreaterThan(before);
    expect(probe).toMatchObject({ ok: false, errorKind: "auth" });
    expect(probe.error).toContain("Incorrect API key provided: [redacted]");
    const row = await t.db.modelEndpoint.findUniqueOrThrow({ where: { name: "echo" } });
    expect(row.probeJson).not.toContain(KEY);
  });

  it("xinstruct eval --api-key-file: the failed evaluation's output does not show the key", async () => {
    writeFileSync(path.join(dir, "key"), `${KEY}\n`);
    const before = refused;
    const cli = spawnCli(["eval", "--endpoint", url, "--model", "echo-model", "--mode", "chat", "--langs", "py", "--data-dir", path.resolve(BENCH, "multipl-e"), "--limit", "1", "--api-key-file", path.join(dir, "key"), "--save", "echoed cli"], { DATABASE_URL: t.url });
    const code = await waitForExit(cli, 60_000);
    expect(refused, cli.output()).toBeGreaterThan(before);
    expect(code, cli.output()).not.toBe(0);
    expect(cli.output()).not.toContain(KEY);
    expect(await storedText()).not.toContain(KEY);
  }, 90_000);

  it("a job failing with an error that quotes the key, or the app's own password: Job.lastError and the end event mask both", async () => {
    const previous = process.env.ADMIN_PASSWORD;
    process.env.ADMIN_PASSWORD = "hunter2-admin-pass";
    resetEnvForTests();
    try {
      rememberEndpointSecrets({ apiKey: KEY });
      const job = await enqueueJob(t.db, "evaluation.run", { evaluationId: "gone" }, { maxAttempts: 1 });
      const claimed = (await claimJob(t.db, "w-test", 5_000, ["evaluation.run"]))!;
      expect(claimed.id).toBe(job.id);
      expect(await failJob(t.db, claimed, new Error(`401: Incorrect API key provided: ${KEY} (admin hunter2-admin-pass)`))).toBe("failed");
      const stored = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
      expect(stored.lastError).toBe("401: Incorrect API key provided: [redacted] (admin [redacted])");
      const events = JSON.stringify(await t.db.event.findMany({ where: { topic: `job:${job.id}` } }));
      expect(events).toContain("Incorrect API key provided: [redacted]");
      expect(events).not.toContain(KEY);
      expect(events).not.toContain("hunter2-admin-pass");
      expect(scrubSecrets("log line hunter2-admin-pass")).toBe("log line [redacted]");
    } finally {
      if (previous === undefined) delete process.env.ADMIN_PASSWORD;
      else process.env.ADMIN_PASSWORD = previous;
      resetEnvForTests();
    }
  });
});
