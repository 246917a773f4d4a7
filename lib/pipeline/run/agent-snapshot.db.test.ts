import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { waitFor } from "@/lib/testing/spawn-cli";
import { parseSse } from "@/lib/testing/parse-sse";
import { agentMemoryFromSnapshot, agentMemoryView, applyAgentEvent, initialAgentMemory, memoryTable, type AgentSnapshot } from "@/lib/domain/run-view";
import * as snapshotRoute from "@/app/api/runs/[id]/agents/[agentId]/snapshot/route";
import * as eventsRoute from "@/app/api/runs/[id]/events/route";
import { createRun } from "./create-run";
import { executeRun } from "./execute-run";
import { runTopic, runtimeId } from "./ids";
import { demoRunConfig, demoSnippetInputs } from "./test-support";

let t: TestDb;
beforeAll(async () => { t = await createAppTestDb(); });
afterAll(async () => { await t.cleanup(); });

const get = (p: string) => new NextRequest(`http://127.0.0.1${p}`);
const snapshotOf = async (runId: string, agentId: string) => snapshotRoute.GET(get(`/api/runs/${runId}/agents/${agentId}/snapshot`), { params: Promise.resolve({ id: runId, agentId }) });


describe("the agent inspector's snapshot and resume", () => {
  it("each agent's snapshot taken mid-run plus the stream after it show what a full replay of the run shows", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(2), config: demoRunConfig({ targets: { ds3Samples: 60 } }, { latencyMs: 10 }), enqueue: false });
    const id = run.id;
    const running = executeRun({ db: t.db, runId: id, progressEveryMs: 20 });
    await waitFor(async () => (await t.db.reflection.count({ where: { agent: { runId: id } } })) >= 20, 60_000, 20);

    const agents = (await t.db.agent.findMany({ where: { runId: id }, orderBy: { id: "asc" } })).map((a) => runtimeId(id, a.id));
    expect(agents.length).toBeGreaterThan(1);
    const snapshots: AgentSnapshot[] = [];
    for (const agentId of agents) {
      const res = await snapshotOf(id, agentId);
      expect(res.status).toBe(200);
      snapshots.push((await res.json()) as AgentSnapshot);
    }
    // only the agent's own events travel, none after the snapshot's last event
    for (const s of snapshots) {
      expect(s.events.every((e) => e.seq <= s.lastSeq)).toBe(true);
      expect(s.events.every((e) => e.type === "discussion.message" || e.data.agentId === s.agentId)).toBe(true);
    }

    const from = Math.min(...snapshots.map((s) => s.lastSeq));
    const stream = await eventsRoute.GET(get(`/api/runs/${id}/events?lastEventId=${from}`), { params: Promise.resolve({ id }) });
    const [outcome, text] = await Promise.all([running, stream.text()]);
    expect(outcome.status).toBe("succeeded");
    const after = parseSse(text);
    const end = await t.db.event.findFirst({ where: { topic: runTopic(id), type: "end" } });
    // On a loaded machine the run can end before the first snapshot: every snapshot then already
    // holds the end, and the stream rightly answers 204 (nothing more to send). Otherwise the
    // stream carries the rest of the run up to its end.
    if (stream.status === 204) expect(from).toBeGreaterThanOrEqual(end!.seq);
    else expect(after.at(-1)!.type).toBe("end");

    const all = (await t.db.event.findMany({ where: { topic: runTopic(id) }, orderBy: { seq: "asc" } })).map((e) => ({ seq: e.seq, type: e.type, data: e.data as Record<string, unknown>, at: e.createdAt.toISOString() }));
    let evicted = 0;
    let reflections = 0;
    let rejected = 0;
    for (const s of snapshots) {
      const replay = all.reduce(applyAgentEvent, initialAgentMemory(s.agentId));
      const resumed = after.reduce(applyAgentEvent, agentMemoryFromSnapshot(s));
      expect(agentMemoryView(resumed)).toEqual(agentMemoryView(replay));
      expect(memoryTable(resumed)).toEqual(memoryTable(replay));
      // the snapshot alone is the replay cut at its last event
      const cut = all.filter((e) => e.seq <= s.lastSeq).reduce(applyAgentEvent, initialAgentMemory(s.agentId));
      expect(agentMemoryView(agentMemoryFromSnapshot(s))).toEqual({ ...agentMemoryView(cut), lastSeq: s.lastSeq });
      expect(memoryTable(replay).live.every((r) => r.instruction)).toBe(true);
      evicted += replay.evictions.length;
      reflections += replay.reflections.length;
      rejected += replay.rejected;
    }
    // the comparison covered every part of the inspector
    expect(evicted).toBeGreaterThan(0);
    expect(reflections).toBeGreaterThan(0);
    expect(rejected).toBeGreaterThan(0);
  });

  it("answers 404 for an agent the run does not have", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: demoRunConfig({ targets: { ds3Samples: 0 } }), enqueue: false });
    expect((await snapshotOf(run.id, "agent-nope-0")).status).toBe(404);
  });
});
