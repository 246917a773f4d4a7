// Opening a run view with a long history: a real generation run on the scripted model with
// at least --events (default 10 000) stored events, opened
//  1. as the page does now: GET /api/runs/:id/snapshot, fold it (runViewFromSnapshot), then the
//     event stream from the snapshot's last event;
//  2. as it did before (the baseline): the event stream from the start, every event parsed and
//     folded into the view;
// both in process through the route handlers (server time + transfer + the client's fold,
// not React's render), reported as p50/p95 and as the ratio of the two. The same for the agent
// inspector (/runs/:id/agents/:agentId) of the agent with the most memory events: its snapshot
// (GET /api/runs/:id/agents/:agentId/snapshot) + stream against the full replay. With --browser, also
// the time to a rendered /runs/:id in Chromium (message count shown) against a fresh run.
//   node --conditions=react-server --import tsx scripts/bench/ui/run-open.ts [-- --events 10000 --reps 15 --browser]
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { createDb, prepareConnection } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { agentMemoryFromSnapshot, agentMemoryView, applyAgentEvent, applyRunEvent, initialAgentMemory, initialRunView, runViewFromSnapshot, type AgentSnapshot, type RunSnapshot } from "@/lib/domain/run-view";
import { createRun } from "@/lib/pipeline/run/create-run";
import { executeRun } from "@/lib/pipeline/run/execute-run";
import { runTopic } from "@/lib/pipeline/run/ids";
import { demoRunConfig, demoSnippetInputs } from "@/lib/pipeline/run/test-support";
import { percentiles, timeIt } from "./stats";
import { parseSse } from "@/lib/testing/parse-sse";

const arg = (name: string, d: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : d);
const EVENTS = arg("--events", 10_000);
const REPS = arg("--reps", 15);

const dir = mkdtempSync(path.join(os.tmpdir(), "xi-bench-run-open-"));
const url = `file:${path.join(dir, "xinstruct.db")}`;
process.env.DATABASE_URL = url; // read by the routes' db() (lib/env parses it once)
const req = (p: string) => new NextRequest(`http://127.0.0.1${p}`);
const params = (id: string) => ({ params: Promise.resolve({ id }) });

try {
  await migrate(url);
  const db = createDb(url);
  await prepareConnection(db, url);
  const snapshotRoute = await import("@/app/api/runs/[id]/snapshot/route");
  const eventsRoute = await import("@/app/api/runs/[id]/events/route");
  const agentRoute = await import("@/app/api/runs/[id]/agents/[agentId]/snapshot/route");

  // a real run, long enough to leave EVENTS events (about 19 per discussion)
  const t0 = performance.now();
  const { run } = await createRun(db, { name: "bench-long", snippets: demoSnippetInputs(2), config: demoRunConfig({ targets: { ds3Samples: Math.ceil(EVENTS / 17) } }), enqueue: false });
  await executeRun({ db, runId: run.id });
  const stored = await db.event.count({ where: { topic: runTopic(run.id) } });
  if (stored < EVENTS) throw new Error(`the run left ${stored} events, fewer than ${EVENTS}`);
  const small = (await createRun(db, { name: "bench-fresh", snippets: demoSnippetInputs(1), config: demoRunConfig({ targets: { ds3Samples: 0 }, seedData: { maxSnippets: 1 } }), enqueue: false })).run;
  await executeRun({ db, runId: small.id });
  console.error(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  const bytes = new Map<string, number>();
  const viaSnapshot = async (id: string) => {
    const res = await snapshotRoute.GET(req(`/api/runs/${id}/snapshot`), params(id));
    const text = await res.text();
    bytes.set(`snapshot:${id}`, text.length);
    const state = runViewFromSnapshot(JSON.parse(text) as RunSnapshot);
    const stream = await eventsRoute.GET(req(`/api/runs/${id}/events?lastEventId=${state.lastSeq}`), params(id));
    const rest = stream.status === 204 ? [] : parseSse(await stream.text());
    return rest.reduce((s, e) => applyRunEvent(s, e), state);
  };
  const viaReplay = async (id: string) => {
    const stream = await eventsRoute.GET(req(`/api/runs/${id}/events`), params(id));
    const text = await stream.text();
    bytes.set(`replay:${id}`, text.length);
    return parseSse(text).reduce((s, e) => applyRunEvent(s, e), initialRunView("queued"));
  };
  // both give the same view
  const [a, b] = [await viaSnapshot(run.id), await viaReplay(run.id)];
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error("snapshot and replay disagree");

  const snap = percentiles(await timeIt(() => viaSnapshot(run.id), REPS));
  const replay = percentiles(await timeIt(() => viaReplay(run.id), REPS));
  const fresh = percentiles(await timeIt(() => viaSnapshot(small.id), REPS));
  console.log(`\nOpening a run view, ${stored.toLocaleString("en")} stored events (${a.messages} discussion messages), SQLite, ${REPS} opens each (${os.cpus().length} cores)\n`);
  console.log("| open | p50 (ms) | p95 (ms) | bytes | p50 vs full replay |\n| --- | --- | --- | --- | --- |");
  console.log(`| full replay of the stream (baseline, before) | ${replay.p50.toFixed(1)} | ${replay.p95.toFixed(1)} | ${bytes.get(`replay:${run.id}`)!.toLocaleString("en")} | 1.00× |`);
  console.log(`| snapshot + stream from its last event (now) | ${snap.p50.toFixed(1)} | ${snap.p95.toFixed(1)} | ${bytes.get(`snapshot:${run.id}`)!.toLocaleString("en")} | ${(snap.p50 / replay.p50).toFixed(3)}× |`);
  console.log(`| snapshot of a fresh run (${await db.event.count({ where: { topic: runTopic(small.id) } })} events) | ${fresh.p50.toFixed(1)} | ${fresh.p95.toFixed(1)} | ${bytes.get(`snapshot:${small.id}`)!.toLocaleString("en")} | ${(fresh.p50 / replay.p50).toFixed(3)}× |`);
  console.log(`\nfull replay / snapshot: ${(replay.p50 / snap.p50).toFixed(1)}× (p50)`);

  // the agent inspector: the agent with the most memory events
  const memoryEvents = await db.event.findMany({ where: { topic: runTopic(run.id), type: { startsWith: "memory." } }, select: { data: true } });
  const perAgent = new Map<string, number>();
  for (const e of memoryEvents) {
    const agentId = String((e.data as { agentId?: string }).agentId);
    perAgent.set(agentId, (perAgent.get(agentId) ?? 0) + 1);
  }
  const [agentId] = [...perAgent.entries()].sort((x, y) => y[1] - x[1])[0];
  const viaAgentSnapshot = async () => {
    const res = await agentRoute.GET(req(`/api/runs/${run.id}/agents/${agentId}/snapshot`), { params: Promise.resolve({ id: run.id, agentId }) });
    const text = await res.text();
    bytes.set("agent-snapshot", text.length);
    const state = agentMemoryFromSnapshot(JSON.parse(text) as AgentSnapshot);
    const stream = await eventsRoute.GET(req(`/api/runs/${run.id}/events?lastEventId=${state.lastSeq}`), params(run.id));
    const rest = stream.status === 204 ? [] : parseSse(await stream.text());
    return rest.reduce(applyAgentEvent, state);
  };
  const viaAgentReplay = async () => {
    const stream = await eventsRoute.GET(req(`/api/runs/${run.id}/events`), params(run.id));
    const text = await stream.text();
    bytes.set("agent-replay", text.length);
    return parseSse(text).reduce(applyAgentEvent, initialAgentMemory(agentId));
  };
  const [c, d] = [await viaAgentSnapshot(), await viaAgentReplay()];
  if (JSON.stringify(agentMemoryView(c)) !== JSON.stringify(agentMemoryView(d))) throw new Error("agent snapshot and replay disagree");
  const agentSnap = percentiles(await timeIt(viaAgentSnapshot, REPS));
  const agentReplay = percentiles(await timeIt(viaAgentReplay, REPS));
  console.log(`\nOpening the agent inspector of ${agentId} (${perAgent.get(agentId)} memory events, ${d.reflections.length} reflections) in the same run, ${REPS} opens each\n`);
  console.log("| open | p50 (ms) | p95 (ms) | bytes | p50 vs full replay |\n| --- | --- | --- | --- | --- |");
  console.log(`| full replay of the stream (baseline, before) | ${agentReplay.p50.toFixed(1)} | ${agentReplay.p95.toFixed(1)} | ${bytes.get("agent-replay")!.toLocaleString("en")} | 1.00× |`);
  console.log(`| agent snapshot + stream from its last event (now) | ${agentSnap.p50.toFixed(1)} | ${agentSnap.p95.toFixed(1)} | ${bytes.get("agent-snapshot")!.toLocaleString("en")} | ${(agentSnap.p50 / agentReplay.p50).toFixed(3)}× |`);
  console.log(`\nagent inspector, full replay / snapshot: ${(agentReplay.p50 / agentSnap.p50).toFixed(1)}× (p50)`);

  if (process.argv.includes("--browser")) {
    const { pageOpen } = await import("./run-open-browser");
    const r = await pageOpen(dir, [{ id: run.id, messages: a.messages }, { id: small.id, messages: 0 }], REPS);
    console.log(`\n/runs/:id in Chromium, navigation to the message count rendered (cold browser cache, p50 / p95 ms)\n`);
    console.log("| run | p50 | p95 | p50 vs fresh run |\n| --- | --- | --- | --- |");
    console.log(`| fresh run (baseline) | ${r[1].p50.toFixed(0)} | ${r[1].p95.toFixed(0)} | 1.0× |`);
    console.log(`| ${stored.toLocaleString("en")} events | ${r[0].p50.toFixed(0)} | ${r[0].p95.toFixed(0)} | ${(r[0].p50 / r[1].p50).toFixed(1)}× |`);
  }
  await db.$disconnect();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
