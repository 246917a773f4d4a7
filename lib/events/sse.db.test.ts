import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { appendEvent } from "@/lib/events/store";
import { EventHub } from "@/lib/events/hub";
import { createEventStream } from "@/lib/events/sse";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });

interface Parsed { id: number; event: string; data: { type: string; data: unknown } }

async function collect(stream: ReadableStream<Uint8Array>, until: (events: Parsed[], raw: string) => boolean, timeoutMs = 10_000) {
  const reader = stream.getReader();
  const dec = new TextDecoder();
  let raw = "";
  const events: Parsed[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!until(events, raw)) {
    if (Date.now() > deadline) throw new Error(`timed out; got ${raw}`);
    const { done, value } = await reader.read();
    if (done) break;
    raw += dec.decode(value);
    events.length = 0;
    for (const block of raw.split("\n\n")) {
      const id = /^id: (\d+)$/m.exec(block);
      const ev = /^event: (.+)$/m.exec(block);
      const data = /^data: (.+)$/m.exec(block);
      if (id && ev && data) events.push({ id: Number(id[1]), event: ev[1], data: JSON.parse(data[1]) });
    }
  }
  reader.releaseLock();
  return { events, raw };
}

describe("server-sent events", () => {
  it("backfills, then streams live events with sequenced ids, and closes after the end event", async () => {
    const hub = new EventHub(t.db, { intervalMs: 20 });
    const topic = "job:sse-1";
    await appendEvent(t.db, topic, "queued", { n: 0 });
    await appendEvent(t.db, "job:other", "progress", { n: 99 });
    const ac = new AbortController();
    const stream = createEventStream({ db: t.db, hub, topic, lastEventId: 0, signal: ac.signal });
    setTimeout(async () => {
      await appendEvent(t.db, topic, "progress", { n: 1 });
      await appendEvent(t.db, topic, "progress", { n: 2 });
      await appendEvent(t.db, topic, "end", { status: "succeeded" });
    }, 100);
    const { events } = await collect(stream, (e) => e.some((x) => x.event === "end"));
    expect(events.map((e) => e.event)).toEqual(["queued", "progress", "progress", "end"]);
    expect(events.map((e) => (e.data.data as { n?: number }).n)).toEqual([0, 1, 2, undefined]);
    const ids = events.map((e) => e.id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    ac.abort();
  });

  it("resumes after Last-Event-ID without repeating or losing events", async () => {
    const hub = new EventHub(t.db, { intervalMs: 20 });
    const topic = "job:sse-2";
    const seqs = [];
    for (let i = 0; i < 5; i++) seqs.push(await appendEvent(t.db, topic, "progress", { n: i }));
    await appendEvent(t.db, topic, "end", {});
    const stream = createEventStream({ db: t.db, hub, topic, lastEventId: seqs[2], signal: new AbortController().signal });
    const { events } = await collect(stream, (e) => e.some((x) => x.event === "end"));
    expect(events.map((e) => (e.data.data as { n?: number }).n)).toEqual([3, 4, undefined]);
  });

  it("sends keepalive comments while nothing happens", async () => {
    const hub = new EventHub(t.db, { intervalMs: 20 });
    const ac = new AbortController();
    const stream = createEventStream({ db: t.db, hub, topic: "job:quiet", lastEventId: 0, signal: ac.signal, keepaliveMs: 50 });
    const { raw } = await collect(stream, (_e, r) => (r.match(/: keepalive/g) ?? []).length >= 2);
    expect(raw).toContain("retry: 2000");
    ac.abort();
  });

  it("hub waits for a sequence gap to fill (a late commit) instead of skipping the event", async () => {
    const hub = new EventHub(t.db, { intervalMs: 1_000_000, gapWaitMs: 5_000 });
    const got: number[] = [];
    const sub = await hub.subscribe("job:gap", (e) => got.push((e.data as { n: number }).n));
    // Simulate a transaction that took seq N+1 but commits after N+2.
    const base = sub.liveFrom;
    await t.db.event.create({ data: { seq: base + 2, topic: "job:gap", type: "progress", data: { n: 2 } } });
    await hub.poll();
    expect(got).toEqual([]);
    await t.db.event.create({ data: { seq: base + 1, topic: "job:gap", type: "progress", data: { n: 1 } } });
    await hub.poll();
    expect(got).toEqual([1, 2]);
    sub.unsubscribe();
  });
});
