import "server-only";
import type { Db } from "@/lib/db/client";
import { rawQuery } from "@/lib/db/raw";

/** A row of the append-only event log. `seq` doubles as the SSE event id. */
export interface StoredEvent {
  seq: number;
  topic: string;
  type: string;
  data: unknown;
  createdAt: Date;
}

export const END_EVENT = "end";

export async function appendEvent(db: Db, topic: string, type: string, data: unknown): Promise<number> {
  // Hand-written: events are the hottest write in the product (every job step, every agent message).
  const rows = await rawQuery<{ seq: number | bigint }>(
    db,
    `INSERT INTO "Event" ("topic", "type", "data", "createdAt") VALUES ($1, $2, $3::jsonb, $4) RETURNING "seq"`,
    [topic, type, JSON.stringify(data ?? null), new Date()],
  );
  return Number(rows[0].seq);
}

export async function appendEvents(db: Db, events: { topic: string; type: string; data: unknown }[]): Promise<void> {
  if (events.length === 0) return;
  await db.event.createMany({ data: events.map((e) => ({ topic: e.topic, type: e.type, data: e.data as object })) });
}

export async function listEvents(db: Db, topic: string, afterSeq: number, limit = 1000): Promise<StoredEvent[]> {
  return db.event.findMany({ where: { topic, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit });
}

export async function listAllEventsAfter(db: Db, afterSeq: number, limit = 1000): Promise<StoredEvent[]> {
  return db.event.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: limit });
}

export async function latestSeq(db: Db): Promise<number> {
  const row = await db.event.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return row?.seq ?? 0;
}
