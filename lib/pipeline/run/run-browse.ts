import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ds3SampleId } from "@/lib/agents/run-discussion";
import { dbSampleId, discussStepKey, runtimeId } from "./ids";

/**
 * The run page's agents and discussions a page at a time, searchable by agent, language and
 * score: a run of thousands of agents and discussions is browsed, never sent whole.
 */

export interface BrowseQuery {
  /** part of an agent's id (case-insensitive) */
  agent?: string;
  language?: string;
  /** agents: best score in memory; discussions: the score of their Ds3 sample */
  minScore?: number;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The query string of the browse routes; empty fields mean "any". */
export const browseQuerySchema = z.object({
  agent: z.string().trim().max(200).optional(),
  language: z.string().trim().max(20).regex(/^[a-z0-9+#-]*$/, "a language id such as py").optional(),
  minScore: z.coerce.number().min(0).max(10).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const parseBrowseQuery = (params: URLSearchParams): BrowseQuery => browseQuerySchema.parse(Object.fromEntries([...params].filter(([, v]) => v.trim() !== "")));

const pageOf = (q: BrowseQuery) => {
  const pageSize = Math.min(Math.max(q.pageSize ?? 25, 1), 200);
  return { pageSize, page: Math.max(q.page ?? 1, 1) };
};
const matches = (runId: string, dbId: string, search: string) => runtimeId(runId, dbId).toLowerCase().includes(search.toLowerCase());

export interface AgentRow { id: string; runtimeId: string; language: string; memory: number; reflections: number; bestScore: number | null }

export async function browseRunAgents(db: Db, runId: string, q: BrowseQuery = {}): Promise<Page<AgentRow>> {
  const { page, pageSize } = pageOf(q);
  // ids and languages of the whole run are small (an agent per seed at most); the filter by id runs on the runtime id
  const [all, best] = await Promise.all([
    db.agent.findMany({ where: { runId, ...(q.language ? { language: q.language } : {}) }, orderBy: { id: "asc" }, select: { id: true } }),
    db.memoryEntry.groupBy({ by: ["agentId"], where: { agent: { runId }, evictedAt: null }, _max: { score: true } }),
  ]);
  const bestOf = new Map(best.map((b) => [b.agentId, b._max.score]));
  const kept = all.filter((a) => (!q.agent || matches(runId, a.id, q.agent)) && (q.minScore === undefined || (bestOf.get(a.id) ?? -Infinity) >= q.minScore));
  const ids = kept.slice((page - 1) * pageSize, page * pageSize).map((a) => a.id);
  const rows = await db.agent.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { id: true, language: true, _count: { select: { memory: { where: { evictedAt: null } }, reflections: true } } } });
  return {
    rows: rows.map((a) => ({ id: a.id, runtimeId: runtimeId(runId, a.id), language: a.language, memory: a._count.memory, reflections: a._count.reflections, bestScore: bestOf.get(a.id) ?? null })),
    total: kept.length,
    page,
    pageSize,
  };
}

export interface DiscussionRow {
  id: string;
  status: string;
  createdAt: Date;
  agents: { id: string; language: string | null }[];
  targetLanguage: string | null;
  score: number | null;
  filtered: boolean | null;
  instruction: string | null;
}

const discussionOfKey = (key: string) => key.slice(discussStepKey("").length);

/** Discussions newest first (one ledger step each, failed ones included). */
export async function browseRunDiscussions(db: Db, runId: string, q: BrowseQuery = {}): Promise<Page<DiscussionRow>> {
  const { page, pageSize } = pageOf(q);
  const sets: Set<string>[] = [];
  if (q.agent) {
    const rows = await db.message.findMany({ where: { runId, agentId: { not: null } }, select: { discussionId: true, agentId: true }, distinct: ["discussionId", "agentId"] });
    sets.push(new Set(rows.filter((r) => matches(runId, r.agentId!, q.agent!)).map((r) => r.discussionId)));
  }
  if (q.language) {
    const rows = await db.message.findMany({ where: { runId, language: q.language }, select: { discussionId: true }, distinct: ["discussionId"] });
    sets.push(new Set(rows.map((r) => r.discussionId)));
  }
  if (q.minScore !== undefined) {
    const prefix = dbSampleId(runId, ds3SampleId(""));
    const rows = await db.sample.findMany({ where: { runId, part: "ds3", score: { gte: q.minScore }, id: { startsWith: prefix } }, select: { id: true } });
    sets.push(new Set(rows.map((r) => r.id.slice(prefix.length))));
  }
  const only = sets.length ? [...sets[0]].filter((id) => sets.every((s) => s.has(id))) : null;
  const where = { runId, stage: "discuss", ...(only ? { key: { in: only.map(discussStepKey) } } : {}) };
  const [total, steps] = await Promise.all([
    db.runStep.count({ where }),
    db.runStep.findMany({ where, orderBy: [{ createdAt: "desc" }, { key: "desc" }], skip: (page - 1) * pageSize, take: pageSize, select: { key: true, status: true, createdAt: true } }),
  ]);
  const ids = steps.map((s) => discussionOfKey(s.key));
  const [messages, samples] = await Promise.all([
    db.message.findMany({ where: { runId, discussionId: { in: ids }, role: { in: ["contribution", "synthesis"] } }, orderBy: { id: "asc" }, select: { discussionId: true, agentId: true, role: true, language: true } }),
    db.sample.findMany({ where: { id: { in: ids.map((d) => dbSampleId(runId, ds3SampleId(d))) } }, select: { id: true, score: true, filtered: true, instruction: true } }),
  ]);
  const sampleOf = new Map(samples.map((s) => [s.id, s]));
  const rows = steps.map((s, i) => {
    const id = ids[i];
    const own = messages.filter((m) => m.discussionId === id);
    const sample = sampleOf.get(dbSampleId(runId, ds3SampleId(id)));
    const agents = own.filter((m) => m.role === "contribution" && m.agentId).map((m) => ({ id: runtimeId(runId, m.agentId!), language: m.language }));
    return {
      id,
      status: s.status,
      createdAt: s.createdAt,
      agents,
      targetLanguage: own.find((m) => m.role === "synthesis")?.language ?? null,
      score: sample?.score ?? null,
      filtered: sample ? sample.filtered : null,
      instruction: sample ? sample.instruction.slice(0, 200) : null,
    };
  });
  return { rows, total, page, pageSize };
}
