import "server-only";
import type { Db } from "@/lib/db/client";
import type { RunSnapshot, RunStreamEvent } from "@/lib/domain/run-view";
import { STAGE_EVENT_TYPES } from "@/lib/domain/run-stages";
import { AppError } from "@/lib/errors";
import { runTopic } from "./ids";

/**
 * The run view as of now without replaying the run's event log: the newest event's seq, and
 * only the events that decide what the view shows as of it (latest status and end, first and
 * latest progress, the stage events, the newest discussion messages) plus the number of
 * messages. Each is one seek on the (topic, type, seq) index, so a run with a million events
 * opens as fast as a new one. The page folds it (runViewFromSnapshot) and follows the stream
 * from `lastSeq`. On PostgreSQL an event whose transaction commits after the snapshot with a
 * lower seq would be missed, as with any Last-Event-ID resume; one run's events are written
 * by one committer at a time, which keeps that to concurrent pause/cancel clicks.
 */

export const SNAPSHOT_MESSAGES = 300;

/** A stored event as the stream sends it (what the page folds). */
export const toStreamEvent = (e: { seq: number; type: string; data: unknown; createdAt: Date }): RunStreamEvent => ({ seq: e.seq, type: e.type, data: (e.data ?? {}) as Record<string, unknown>, at: e.createdAt.toISOString() });

export async function getRunSnapshot(db: Db, runId: string, opts: { messages?: number } = {}): Promise<RunSnapshot> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  if (!run) throw new AppError("not_found:run", `No run ${runId}`);
  const topic = runTopic(runId);
  const newest = await db.event.findFirst({ where: { topic }, orderBy: { seq: "desc" }, select: { seq: true } });
  const lastSeq = newest?.seq ?? 0;
  const window = opts.messages ?? SNAPSHOT_MESSAGES;
  const latest = (type: string, take = 1, order: "asc" | "desc" = "desc") => db.event.findMany({ where: { topic, type, seq: { lte: lastSeq } }, orderBy: { seq: order }, take });
  const [messages, groups] = await Promise.all([
    db.event.count({ where: { topic, type: "discussion.message", seq: { lte: lastSeq } } }),
    Promise.all([
      latest("status", 20),
      latest("end"),
      latest("progress", 1, "asc"),
      latest("progress"),
      ...STAGE_EVENT_TYPES.map((type) => latest(type, type === "stage" ? 5 : 1)),
      latest("discussion.message", window),
    ]),
  ]);
  const events = [...new Map(groups.flat().map((e) => [e.seq, toStreamEvent(e)])).values()].sort((a, b) => a.seq - b.seq);
  return { status: run.status, lastSeq, messages, events, messagesCut: messages > window };
}
