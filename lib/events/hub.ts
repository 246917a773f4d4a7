import "server-only";
import type { Db } from "@/lib/db/client";
import { latestSeq, listAllEventsAfter, type StoredEvent } from "@/lib/events/store";

type Listener = (e: StoredEvent) => void;

/**
 * One poller per process follows the event log and fans events out to subscribers by
 * topic, so 50 connected browsers cost one query per tick, not 50.
 *
 * Sequence gaps: on PostgreSQL a transaction can commit a higher seq before a lower one
 * (or roll back and leave a hole forever). We deliver only the contiguous prefix and wait
 * up to `gapWaitMs` for a hole to fill before skipping it, so an event is never lost to a
 * late commit.
 */
export class EventHub {
  private listeners = new Map<string, Set<Listener>>();
  private cursor: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private polling = false;
  private gapSince: number | null = null;

  constructor(private readonly db: Db, private readonly opts: { intervalMs?: number; gapWaitMs?: number } = {}) {}

  /** The seq from which this hub delivers live events; subscribe first, then backfill up to it. */
  async subscribe(topic: string, fn: Listener): Promise<{ unsubscribe: () => void; liveFrom: number }> {
    if (this.cursor === null) this.cursor = await latestSeq(this.db);
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(fn);
    this.ensureTimer();
    return {
      liveFrom: this.cursor,
      unsubscribe: () => {
        set!.delete(fn);
        if (set!.size === 0) this.listeners.delete(topic);
        if (this.listeners.size === 0 && this.timer) {
          clearInterval(this.timer);
          this.timer = null;
        }
      },
    };
  }

  private ensureTimer() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.opts.intervalMs ?? 50);
    this.timer.unref?.();
  }

  async poll(): Promise<void> {
    if (this.polling || this.cursor === null) return;
    this.polling = true;
    try {
      for (;;) {
        const batch = await listAllEventsAfter(this.db, this.cursor, 1000);
        if (batch.length === 0) return;
        let delivered = 0;
        for (const e of batch) {
          if (e.seq !== this.cursor + 1) {
            const now = Date.now();
            this.gapSince ??= now;
            if (now - this.gapSince < (this.opts.gapWaitMs ?? 1000)) break;
          }
          this.gapSince = null;
          this.cursor = e.seq;
          delivered++;
          this.listeners.get(e.topic)?.forEach((fn) => fn(e));
        }
        if (delivered < batch.length || batch.length < 1000) return;
      }
    } catch {
      // A transient database error: the next tick retries from the same cursor.
    } finally {
      this.polling = false;
    }
  }
}

const globalForHub = globalThis as unknown as { xinstructHub?: EventHub };

export function eventHub(db: Db): EventHub {
  globalForHub.xinstructHub ??= new EventHub(db);
  return globalForHub.xinstructHub;
}
