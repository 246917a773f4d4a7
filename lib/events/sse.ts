import "server-only";
import type { Db } from "@/lib/db/client";
import { END_EVENT, listEvents, type StoredEvent } from "@/lib/events/store";
import type { EventHub } from "@/lib/events/hub";

/**
 * Server-Sent Events for one topic: backfill from the database after Last-Event-ID,
 * then live events from the hub, every event with its sequence number as `id:`, keepalive
 * comments, and a final `end` event after which the stream closes.
 */
export interface EventStreamOptions {
  db: Db;
  hub: EventHub;
  topic: string;
  lastEventId: number;
  signal: AbortSignal;
  keepaliveMs?: number;
}

export function formatSseEvent(e: Pick<StoredEvent, "seq" | "type" | "data" | "createdAt" | "topic">): string {
  const payload = JSON.stringify({ seq: e.seq, topic: e.topic, type: e.type, data: e.data, at: e.createdAt });
  return `id: ${e.seq}\nevent: ${e.type}\ndata: ${payload}\n\n`;
}

export function parseLastEventId(header: string | null, query: string | null): number {
  const raw = header ?? query;
  const n = raw ? Number.parseInt(raw, 10) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export function createEventStream(opts: EventStreamOptions): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastSent = opts.lastEventId;
      let closed = false;
      let backfilling = true;
      const buffered: StoredEvent[] = [];
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        try { controller.close(); } catch { /* already closed */ }
      };
      const send = (e: StoredEvent) => {
        if (closed || e.seq <= lastSent) return;
        lastSent = e.seq;
        controller.enqueue(enc.encode(formatSseEvent(e)));
        if (e.type === END_EVENT) close();
      };
      const sub = await opts.hub.subscribe(opts.topic, (e) => (backfilling ? buffered.push(e) : send(e)));
      const keepalive = setInterval(() => { if (!closed) controller.enqueue(enc.encode(`: keepalive ${Date.now()}\n\n`)); }, opts.keepaliveMs ?? 15_000);
      cleanup = () => { clearInterval(keepalive); sub.unsubscribe(); };
      opts.signal.addEventListener("abort", close, { once: true });
      controller.enqueue(enc.encode(`retry: 2000\n: connected\n\n`));
      try {
        // Backfill everything the hub will not deliver live (up to and including liveFrom).
        for (;;) {
          const page = await listEvents(opts.db, opts.topic, lastSent, 1000);
          page.forEach(send);
          if (closed || page.length < 1000) break;
        }
        backfilling = false;
        buffered.sort((a, b) => a.seq - b.seq).forEach(send);
      } catch (e) {
        if (!closed) {
          controller.enqueue(enc.encode(`event: error\ndata: ${JSON.stringify({ message: "event stream failed; reconnecting will resume" })}\n\n`));
          close();
        }
      }
    },
    cancel() {
      cleanup();
    },
  });
}
