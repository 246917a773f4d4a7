import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { resetEnvForTests } from "@/lib/env";
import { startWorker, type WorkerHandle } from "@/lib/jobs/worker";
import { waitFor } from "@/lib/testing/spawn-cli";
import { saveEndpoint } from "@/lib/settings/endpoints";
import { runConfigFromYaml } from "@/lib/domain/run-config-yaml";
import { runConfigToYaml } from "@/lib/domain/run-config-yaml";
import { parseRunConfig } from "@/lib/domain/run-config";
import { createRun } from "@/lib/pipeline/run/create-run";
import { executeRun } from "@/lib/pipeline/run/execute-run";
import { runTopic } from "@/lib/pipeline/run/ids";
import { demoRunConfig, demoSnippetInputs, storedSamples } from "@/lib/pipeline/run/test-support";
import * as runs from "@/app/api/runs/route";
import * as one from "@/app/api/runs/[id]/route";
import * as config from "@/app/api/runs/[id]/config/route";
import * as pause from "@/app/api/runs/[id]/pause/route";
import * as resume from "@/app/api/runs/[id]/resume/route";
import * as cancel from "@/app/api/runs/[id]/cancel/route";
import * as samples from "@/app/api/runs/[id]/samples/route";
import * as agents from "@/app/api/runs/[id]/agents/route";
import * as agent from "@/app/api/runs/[id]/agents/[agentId]/route";
import * as discussion from "@/app/api/runs/[id]/discussions/[discussionId]/route";
import * as events from "@/app/api/runs/[id]/events/route";

let t: TestDb;
let worker: WorkerHandle;
const SECRET = "sk-live-TOPSECRET-0123456789";

beforeAll(async () => {
  t = await createTestDb();
  vi.stubEnv("DATABASE_URL", t.url);
  resetEnvForTests();
  await saveEndpoint(t.db, { name: "keyed scorer", provider: "scripted", model: "xinstruct-demo", apiKey: SECRET, maxConcurrency: 16, structuredOutput: "auto" });
  worker = startWorker({ db: t.db, concurrency: 2, leaseMs: 5_000, idlePollMs: 50, types: ["generation.run"] });
});
afterAll(async () => {
  await worker.stop(2_000);
  vi.unstubAllEnvs();
  resetEnvForTests();
  await t.cleanup();
});

const url = (p: string) => `http://127.0.0.1${p}`;
const post = (p: string, body: string, type = "application/json") => new NextRequest(url(p), { method: "POST", body, headers: { "content-type": type } });
const get = (p: string) => new NextRequest(url(p));
const params = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const none = undefined as never;
const statusOf = async (id: string) => (await t.db.run.findUniqueOrThrow({ where: { id } })).status;
const jobIdle = async (id: string) => (await t.db.job.count({ where: { runId: id, status: { in: ["queued", "running"] } } })) === 0;

async function create(body: object): Promise<string> {
  const res = await runs.POST(post("/api/runs", JSON.stringify(body)), none);
  expect(res.status).toBe(201);
  return (await res.json()).run.id;
}

describe("the runs API", () => {
  it("creates a run from a YAML config with snippets, runs it on a worker, and serves it without API keys", async () => {
    const yaml = runConfigToYaml(parseRunConfig({ ...demoRunConfig({ targets: { ds3Samples: 6 } }), models: { ...demoRunConfig().models, scorer: { endpoint: "keyed scorer" } } }, { knownEndpoints: ["keyed scorer"] }));
    const id = await create({ name: "from yaml", yaml, snippets: demoSnippetInputs(1) });
    await waitFor(async () => (await statusOf(id)) === "succeeded", 60_000);

    const detail = await (await one.GET(get(`/api/runs/${id}`), params({ id }))).json();
    expect(detail.run).toMatchObject({ name: "from yaml", status: "succeeded" });
    expect(detail.counts.samples).toMatchObject({ ds1: 8, ds2: 8, ds3: 6 });
    expect(detail.counts.samples.accepted + detail.counts.samples.filtered).toBe(22);
    expect(detail.jobs[0].status).toBe("succeeded");

    const exported = await (await config.GET(get(`/api/runs/${id}/config?format=yaml`), params({ id }))).text();
    const stored = (await t.db.run.findUniqueOrThrow({ where: { id } })).config;
    expect(runConfigFromYaml(exported, { knownEndpoints: ["keyed scorer"] })).toEqual(stored);

    const list = await (await runs.GET(get("/api/runs"), none)).json();
    expect(list.runs.map((r: { id: string }) => r.id)).toContain(id);
    const page = await (await samples.GET(get(`/api/runs/${id}/samples?part=ds3&limit=4`), params({ id }))).json();
    expect(page.samples).toHaveLength(4);
    const next = await (await samples.GET(get(`/api/runs/${id}/samples?part=ds3&limit=4&cursor=${page.nextCursor}`), params({ id }))).json();
    expect(next.samples).toHaveLength(2);
    const agentList = (await (await agents.GET(get(`/api/runs/${id}/agents`), params({ id }))).json()).agents;
    expect(agentList.length).toBeGreaterThan(0);
    const a = await (await agent.GET(get(`/api/runs/${id}/agents/x`), params({ id, agentId: agentList[0].id }))).json();
    expect(a.agent.memory.length).toBeGreaterThan(0);
    const d = await (await discussion.GET(get(`/api/runs/${id}/discussions/d1.0`), params({ id, discussionId: "d1.0" }))).json();
    expect(d.messages.map((m: { role: string }) => m.role)).toContain("synthesis");

    // the browser follows the run over SSE: the whole history, then the end
    const stream = await (await events.GET(get(`/api/runs/${id}/events`), params({ id }))).text();
    for (const type of ["status", "stage", "llm.prompt", "sample.scored", "agent.created", "discussion.message", "progress"]) expect(stream).toContain(`event: ${type}\n`);
    expect(stream.trimEnd().split("\n\n").at(-1)).toMatch(/^id: \d+\nevent: end\n/);

    // the scorer's endpoint came from Settings; its key never reaches events, the run or the API
    const scorerCalls = await t.db.event.findMany({ where: { topic: runTopic(id), type: "llm.call" } });
    expect(scorerCalls.some((e) => JSON.stringify(e.data).includes('"endpoint":"keyed scorer"'))).toBe(true);
    const everything = JSON.stringify([await t.db.event.findMany({ where: { topic: runTopic(id) } }), detail, exported, await t.db.runStep.findMany({ where: { runId: id } })]);
    expect(everything).not.toContain("TOPSECRET");
  });

  it("answers a bad config with the field and its line, and writes nothing", async () => {
    const before = await t.db.run.count();
    const res = await runs.POST(post("/api/runs", "seed: 1\ndiscussion:\n  mode: sideways\n", "application/yaml"), none);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/discussion\.mode \(line 3\)/);
    const noCorpus = await runs.POST(post("/api/runs", JSON.stringify({ config: {} })), none);
    expect(noCorpus.status).toBe(400);
    expect(await t.db.run.count()).toBe(before);
  });

  it("pauses a running run, resumes it, and ends with the samples of an uninterrupted run", async () => {
    const cfg = demoRunConfig({ targets: { ds3Samples: 150 } }, { latencyMs: 40 });
    const id = await create({ config: cfg, snippets: demoSnippetInputs(2) });
    await waitFor(() => t.db.runStep.count({ where: { runId: id, stage: "discuss" } }), 60_000, 20);
    const paused = await pause.POST(post(`/api/runs/${id}/pause`, ""), params({ id }));
    expect((await paused.json()).run.status).toBe("paused");
    await waitFor(() => jobIdle(id), 30_000);
    const stepsAtPause = await t.db.runStep.count({ where: { runId: id } });
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.db.runStep.count({ where: { runId: id } })).toBe(stepsAtPause);
    expect(stepsAtPause).toBeLessThan(32 + 1 + 150);
    expect(await statusOf(id)).toBe("paused");

    expect((await (await resume.POST(post(`/api/runs/${id}/resume`, ""), params({ id }))).json()).run.status).toBe("queued");
    await waitFor(async () => (await statusOf(id)) === "succeeded", 60_000);

    const twin = await createRun(t.db, { corpusId: (await t.db.run.findUniqueOrThrow({ where: { id } })).corpusId!, config: cfg, enqueue: false });
    await executeRun({ db: t.db, runId: twin.run.id });
    expect(await storedSamples(t.db, id)).toEqual(await storedSamples(t.db, twin.run.id));
    const statuses = (await t.db.event.findMany({ where: { topic: runTopic(id), type: { in: ["status", "end"] } }, orderBy: { seq: "asc" } })).map((e) => (e.data as { status: string }).status);
    expect(statuses).toEqual(["queued", "running", "pausing", "paused", "queued", "running", "succeeded"]);
  });

  it("shows a run whose job gave up as stalled, and resume queues a new job for it", async () => {
    await worker.stop(2_000);
    const id = await create({ config: demoRunConfig({ targets: { ds3Samples: 4 } }), snippets: demoSnippetInputs(1) });
    // as after repeated worker crashes: the queue gave the job up, the run still says queued
    await t.db.job.updateMany({ where: { runId: id }, data: { status: "failed", lastError: "gave up after 10 attempts" } });
    expect((await (await one.GET(get(`/api/runs/${id}`), params({ id }))).json()).run.stalled).toBe(true);
    expect((await (await resume.POST(post(`/api/runs/${id}/resume`, ""), params({ id }))).json()).run.status).toBe("queued");
    expect((await (await one.GET(get(`/api/runs/${id}`), params({ id }))).json()).run.stalled).toBe(false);
    worker = startWorker({ db: t.db, concurrency: 2, leaseMs: 5_000, idlePollMs: 50, types: ["generation.run"] });
    await waitFor(async () => (await statusOf(id)) === "succeeded", 60_000);
  });

  it("cancels a running run and a queued one: the stream ends, the run cannot be resumed", async () => {
    const id = await create({ config: demoRunConfig({ targets: { ds3Samples: 200 } }, { latencyMs: 15 }), snippets: demoSnippetInputs(2) });
    await waitFor(() => t.db.runStep.count({ where: { runId: id } }), 60_000, 20);
    await cancel.POST(post(`/api/runs/${id}/cancel`, ""), params({ id }));
    const end = await waitFor(() => t.db.event.findFirst({ where: { topic: runTopic(id), type: "end" } }), 30_000);
    expect(end.data).toMatchObject({ status: "cancelled" });
    await waitFor(() => jobIdle(id), 30_000);
    expect(await statusOf(id)).toBe("cancelled");
    const again = await resume.POST(post(`/api/runs/${id}/resume`, ""), params({ id }));
    expect(again.status).toBe(409);

    await worker.stop(2_000);
    const queued = await create({ config: demoRunConfig(), snippets: demoSnippetInputs(1) });
    await cancel.POST(post(`/api/runs/${queued}/cancel`, ""), params({ id: queued }));
    expect(await statusOf(queued)).toBe("cancelled");
    expect((await t.db.job.findFirstOrThrow({ where: { runId: queued } })).status).toBe("cancelled");
    expect(await t.db.event.count({ where: { topic: runTopic(queued), type: "end" } })).toBe(1);
    worker = startWorker({ db: t.db, concurrency: 2, leaseMs: 5_000, idlePollMs: 50, types: ["generation.run"] });
  });
});
