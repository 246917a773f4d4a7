import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";
import type { AgentSnapshot } from "@/lib/domain/run-view";
import { AppError } from "@/lib/errors";
import { dbAgentId, runTopic } from "./ids";
import { toStreamEvent } from "./run-snapshot";

/**
 * One agent's inspector as of now without replaying the run's event log: the newest event's
 * seq, the agent's own events up to it (agent.created, memory.inserted/evicted/rejected, the
 * reflections it took part in) and the instructions of the samples its memory held. Each is a
 * seek on the (topic, type, seq) index narrowed by the event's JSON (the agent's id, a
 * reflection's kind), so other agents' memory changes, every sample and every other discussion
 * message stay in the database. The page folds it (agentMemoryFromSnapshot) and follows the
 * stream from `lastSeq`, as the run view does (run-snapshot.ts).
 */

const MEMORY_TYPES = ["agent.created", "memory.inserted", "memory.evicted", "memory.rejected"];

/** A Prisma JSON path in the client's dialect: "$.a.b" on SQLite, ["a", "b"] on PostgreSQL. */
function jsonPath(db: Db, ...keys: string[]): string {
  return (dialectOfDb(db) === "sqlite" ? `$.${keys.join(".")}` : keys) as string;
}

export async function getAgentSnapshot(db: Db, runId: string, agentId: string): Promise<AgentSnapshot> {
  const agent = await db.agent.findFirst({ where: { runId, id: dbAgentId(runId, agentId) }, select: { id: true } });
  if (!agent) throw new AppError("not_found:agent", `No agent ${agentId} in run ${runId}`);
  const topic = runTopic(runId);
  const newest = await db.event.findFirst({ where: { topic }, orderBy: { seq: "desc" }, select: { seq: true } });
  const lastSeq = newest?.seq ?? 0;
  const [own, reflections] = await Promise.all([
    db.event.findMany({ where: { topic, type: { in: MEMORY_TYPES }, seq: { lte: lastSeq }, data: { path: jsonPath(db, "agentId"), equals: agentId } }, orderBy: { seq: "asc" } }),
    db.event.findMany({ where: { topic, type: "discussion.message", seq: { lte: lastSeq }, data: { path: jsonPath(db, "message", "kind"), equals: "reflection" } }, orderBy: { seq: "asc" } }),
  ]);
  const taking = reflections.filter((e) => {
    const ids = ((e.data ?? {}) as { message?: { agentIds?: unknown } }).message?.agentIds;
    return Array.isArray(ids) && ids.includes(agentId);
  });
  const events = [...own, ...taking].map(toStreamEvent).sort((a, b) => a.seq - b.seq);
  // what sample.created events would have named the entries with: the stored samples' instructions
  const inserted = [...new Set(events.filter((e) => e.type === "memory.inserted").map((e) => String(e.data.sampleId ?? "")))];
  const samples = inserted.length ? await db.sample.findMany({ where: { runId, stepKey: { in: inserted } }, select: { stepKey: true, instruction: true } }) : [];
  const instructions = Object.fromEntries(samples.map((s) => [s.stepKey, s.instruction]));
  return { agentId, lastSeq, events, instructions };
}
