import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { waitFor } from "@/lib/testing/spawn-cli";
import { parseSse } from "@/lib/testing/parse-sse";
import { applyRunEvent, initialRunView, runViewFromSnapshot, type RunSnapshot } from "@/lib/domain/run-view";
import * as snapshotRoute from "@/app/api/runs/[id]/snapshot/route";
import * as eventsRoute from "@/app/api/runs/[id]/events/route";
import { createRun } from "./create-run";
import { executeRun } from "./execute-run";
import { runTopic } from "./ids";
import { demoRunConfig, demoSnippetInputs } from "./test-support";

let t: TestDb;
beforeAll(async () => { t = await createAppTestDb(); });
afterAll(async () => { await t.cleanup(); });

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (p: string) => new NextRequest(`http://127.0.0.1${p}`);


describe("the run view's snapshot and resume", () => {
  it("a snapshot taken mid-run plus the stream after its last event give every later event once, and the state of a full replay", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(2), config: demoRunConfig({ targets: { ds3Samples: 60 } }, { latencyMs: 10 }), enqueue: false });
    const id = run.id;
    const running = executeRun({ db: t.db, runId: id, progressEveryMs: 20 });
    await waitFor(async () => (await t.db.message.count({ where: { runId: id } })) >= 40, 60_000, 20);

    const res = await snapshotRoute.GET(get(`/api/runs/${id}/snapshot`), params(id));
    expect(res.status).toBe(200);
    const snapshot = (await res.json()) as RunSnapshot;
    expect(snapshot.messages).toBeGreaterThanOrEqual(40);
    expect(snapshot.events.every((e) => e.seq <= snapshot.lastSeq)).toBe(true);
    expect(runViewFromSnapshot(snapshot)).toMatchObject({ status: "running", ended: false });

    // the stream from the snapshot's last event, read while the run goes on, to its end
    const stream = await eventsRoute.GET(get(`/api/runs/${id}/events?lastEventId=${snapshot.lastSeq}`), params(id));
    const [outcome, text] = await Promise.all([running, stream.text()]);
    expect(outcome.status).toBe("succeeded");
    const after = parseSse(text);

    const all = (await t.db.event.findMany({ where: { topic: runTopic(id) }, orderBy: { seq: "asc" } })).map((e) => ({ seq: e.seq, type: e.type, data: e.data as Record<string, unknown>, at: e.createdAt.toISOString() }));
    expect(after.map((e) => e.seq)).toEqual(all.filter((e) => e.seq > snapshot.lastSeq).map((e) => e.seq));
    expect(after.length).toBeGreaterThan(0);
    expect(after.at(-1)!.type).toBe("end");

    const replay = all.reduce((s, e) => applyRunEvent(s, e), initialRunView("queued"));
    const resumed = after.reduce((s, e) => applyRunEvent(s, e), runViewFromSnapshot(snapshot));
    expect(resumed).toEqual(replay);
    expect(resumed.messages).toBe(await t.db.message.count({ where: { runId: id } }));
    expect(resumed.conversations.length).toBe(50);

    // once the client has the end, the stream has nothing more to say
    const done = (await (await snapshotRoute.GET(get(`/api/runs/${id}/snapshot`), params(id))).json()) as RunSnapshot;
    expect(done.lastSeq).toBe(all.at(-1)!.seq);
    expect(runViewFromSnapshot(done)).toMatchObject({ status: "succeeded", ended: true, messages: replay.messages, counts: replay.counts });
    expect((await eventsRoute.GET(get(`/api/runs/${id}/events?lastEventId=${done.lastSeq}`), params(id))).status).toBe(204);
  });

  it("answers 404 for a run that does not exist", async () => {
    expect((await snapshotRoute.GET(get(`/api/runs/nope/snapshot`), params("nope"))).status).toBe(404);
  });
});
