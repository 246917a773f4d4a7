import "server-only";
import type { Db } from "@/lib/db/client";
import type { RunConfig } from "@/lib/domain/run-config";
import { runConfigToYaml } from "@/lib/domain/run-config-yaml";
import { redactRunConfig } from "@/lib/domain/secrets";
import { AppError } from "@/lib/errors";
import { runtimeId } from "./ids";

/**
 * What the run pages and the CLI read: the list, one run with live counts, its config (API
 * keys left out), its samples, agents and discussions.
 */

const summary = { id: true, name: true, status: true, stage: true, corpusId: true, counts: true, usage: true, error: true, createdAt: true, updatedAt: true } as const;

export async function listRuns(db: Db, opts: { status?: string; limit?: number } = {}) {
  return db.run.findMany({ where: opts.status ? { status: opts.status } : {}, orderBy: { createdAt: "desc" }, take: Math.min(opts.limit ?? 50, 500), select: summary });
}

/** Samples, steps and agents counted from the rows themselves (exact even while the run works). */
export async function runCounts(db: Db, runId: string) {
  const [samples, steps, agents, memory, messages] = await Promise.all([
    db.sample.groupBy({ by: ["part", "language", "filtered"], where: { runId }, _count: { _all: true } }),
    db.runStep.groupBy({ by: ["stage", "status"], where: { runId }, _count: { _all: true } }),
    db.agent.count({ where: { runId } }),
    db.memoryEntry.count({ where: { agent: { runId }, evictedAt: null } }),
    db.message.count({ where: { runId } }),
  ]);
  const parts: Record<string, number> = {};
  const byLanguage: Record<string, Record<string, number>> = {};
  let accepted = 0;
  let filtered = 0;
  for (const g of samples) {
    const n = g._count._all;
    parts[g.part] = (parts[g.part] ?? 0) + n;
    const l = (byLanguage[g.language] ??= { ds1: 0, ds2: 0, ds3: 0, accepted: 0, filtered: 0 });
    l[g.part] = (l[g.part] ?? 0) + n;
    l[g.filtered ? "filtered" : "accepted"] += n;
    if (g.filtered) filtered += n;
    else accepted += n;
  }
  const stepCounts: Record<string, { done: number; failed: number }> = {};
  for (const g of steps) (stepCounts[g.stage] ??= { done: 0, failed: 0 })[g.status as "done" | "failed"] = g._count._all;
  return {
    samples: { ds1: parts.ds1 ?? 0, ds2: parts.ds2 ?? 0, ds3: parts.ds3 ?? 0, total: accepted + filtered, accepted, filtered },
    byLanguage,
    steps: stepCounts,
    agents,
    memoryEntries: memory,
    messages,
  };
}

export async function getRun(db: Db, id: string) {
  const run = await db.run.findUnique({ where: { id }, select: { ...summary, config: true } });
  if (!run) throw new AppError("not_found:run", `No run ${id}`);
  const [counts, jobs] = await Promise.all([
    runCounts(db, id),
    db.job.findMany({ where: { runId: id }, orderBy: { createdAt: "desc" }, take: 10, select: { id: true, status: true, attempts: true, lastError: true, createdAt: true, finishedAt: true } }),
  ]);
  const { config, ...rest } = run;
  // queued or running with no job that could run it: its job gave up (e.g. repeated worker crashes); resume queues a new one
  const stalled = (run.status === "queued" || run.status === "running") && !jobs.some((j) => j.status === "queued" || j.status === "running");
  return { run: { ...rest, stalled, progress: run.counts, config: publicConfig(config) }, counts, jobs };
}

export async function runConfigOf(db: Db, id: string): Promise<RunConfig> {
  const run = await db.run.findUnique({ where: { id }, select: { config: true } });
  if (!run) throw new AppError("not_found:run", `No run ${id}`);
  return run.config as unknown as RunConfig;
}

/** The stored config without API keys or header values (lib/domain/secrets.ts), as the browser and exports see it. */
export function publicConfig(config: unknown): RunConfig {
  return redactRunConfig(config as RunConfig);
}

export async function exportRunConfig(db: Db, id: string, format: "yaml" | "json" = "yaml"): Promise<string> {
  const config = await runConfigOf(db, id);
  return format === "yaml" ? runConfigToYaml(config) : JSON.stringify(publicConfig(config), null, 2);
}

export async function listRunSamples(db: Db, runId: string, q: { part?: string; language?: string; filtered?: boolean; cursor?: string; limit?: number } = {}) {
  const take = Math.min(q.limit ?? 100, 1000);
  const rows = await db.sample.findMany({
    where: { runId, part: q.part, language: q.language, filtered: q.filtered },
    orderBy: { id: "asc" },
    take: take + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  return { samples: rows.slice(0, take), nextCursor: rows.length > take ? rows[take - 1].id : null };
}

export async function getRunAgent(db: Db, runId: string, agentId: string) {
  const agent = await db.agent.findFirst({
    where: { runId, id: agentId },
    include: { memory: { orderBy: { insertedAt: "asc" } }, reflections: { orderBy: { createdAt: "asc" } } },
  });
  if (!agent) throw new AppError("not_found:agent", `No agent ${agentId} in run ${runId}`);
  return { ...agent, runtimeId: runtimeId(runId, agent.id) };
}

export async function getDiscussion(db: Db, runId: string, discussionId: string) {
  const messages = await db.message.findMany({ where: { runId, discussionId }, orderBy: { id: "asc" } });
  if (messages.length === 0) throw new AppError("not_found:discussion", `No discussion ${discussionId} in run ${runId}`);
  return { discussionId, messages: messages.map((m) => ({ ...m, content: JSON.parse(m.content) as unknown })) };
}
