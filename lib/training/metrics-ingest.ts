import "server-only";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { appendEvent } from "@/lib/events/store";
import { AppError } from "@/lib/errors";
import { trainingTopic } from "@/lib/training/topic";
import { scrubSecrets } from "@/lib/secrets/scrub";

/**
 * What the trainer sends (and writes to metrics.jsonl): metric values per step, checkpoints,
 * its own status, the final model. Ingestion is idempotent: a (step, name) already stored is
 * skipped, so the JSONL file can be re-read after a run to fill what the HTTP reports missed.
 */
const metricName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
export const trainerRecord = z.discriminatedUnion("type", [
  z.object({ type: z.literal("metrics"), step: z.number().int().min(0), values: z.record(metricName, z.number()), time: z.number().optional() }),
  z.object({ type: z.literal("checkpoint"), step: z.number().int().min(0), path: z.string().max(4096), time: z.number().optional() }),
  z.object({ type: z.literal("final"), step: z.number().int().min(0), path: z.string().max(4096), best_step: z.number().int().min(0).optional(), best_eval_loss: z.number().optional(), time: z.number().optional() }),
  z.object({ type: z.literal("best"), step: z.number().int().min(0), eval_loss: z.number(), path: z.string().max(4096), time: z.number().optional() }),
  z.object({ type: z.literal("early_stop"), step: z.number().int().min(0), best_step: z.number().int().min(0), best_eval_loss: z.number(), message: z.string().max(4000), time: z.number().optional() }),
  z.object({ type: z.literal("attention"), implementation: z.string().max(40), packing: z.string().max(40), message: z.string().max(4000), time: z.number().optional() }),
  z.object({
    type: z.literal("schedule"), samples: z.number().int().min(0), rows: z.number().int().min(0), accumulation: z.number().int().min(1), steps_per_epoch: z.number().int().min(1),
    total_steps: z.number().int().min(1), warmup_steps: z.number().int().min(0), samples_per_step: z.number(), warnings: z.array(z.string().max(1000)).max(20), time: z.number().optional(),
  }),
  z.object({ type: z.literal("status"), status: z.string().max(40), step: z.number().int().min(0), message: z.string().max(4000).default(""), time: z.number().optional() }),
  // what the trainer is doing before its first metrics (loading, tokenizing, DPO's reference pass, the first accumulation)
  z.object({ type: z.literal("phase"), phase: z.string().regex(/^[a-z_]{1,40}$/), message: z.string().max(1000), done: z.number().int().min(0).optional(), total: z.number().int().min(0).optional(), time: z.number().optional() }),
]);
export type TrainerRecord = z.infer<typeof trainerRecord>;
export const metricsBody = z.object({ records: z.array(trainerRecord).max(10_000) });

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A job in one of these has no trainer left to report; what it wrote to metrics.jsonl is read back by the runner. */
const ENDED = new Set(["succeeded", "failed", "cancelled", "stopped"]);

/**
 * The job's own token, and only it, may report metrics: anything else is a 401 (even for
 * unknown jobs). Once the job has ended its token is refused too, so a token copied from a
 * job directory or log cannot write into a finished job's curves.
 */
export async function authorizeTrainer(db: Db, jobId: string, authorization: string | null): Promise<void> {
  const given = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : "";
  const job = await db.trainingJob.findUnique({ where: { id: jobId }, select: { token: true, status: true } });
  if (!job || !given || !safeEqual(given, job.token)) {
    throw new AppError("unauthorized:training_token", "This endpoint needs the training job's own token.");
  }
  if (ENDED.has(job.status)) throw new AppError("forbidden:training_ended", `Training job ${jobId} has ended (${job.status}); its token no longer reports metrics.`);
}

export interface IngestResult {
  points: number;
  skipped: number;
}

export async function ingestRecords(db: Db, jobId: string, records: TrainerRecord[]): Promise<IngestResult> {
  const incoming = records.flatMap((r) => (r.type === "metrics" ? Object.entries(r.values).filter(([, v]) => Number.isFinite(v)).map(([name, value]) => ({ step: r.step, name, value })) : []));
  let fresh = incoming;
  if (incoming.length) {
    const steps = incoming.map((p) => p.step);
    const existing = await db.metricPoint.findMany({
      where: { trainingJobId: jobId, step: { gte: Math.min(...steps), lte: Math.max(...steps) } },
      select: { step: true, name: true },
    });
    const seen = new Set(existing.map((p) => `${p.name}@${p.step}`));
    fresh = [];
    for (const p of incoming) {
      const key = `${p.name}@${p.step}`;
      if (!seen.has(key)) { seen.add(key); fresh.push(p); }
    }
    if (fresh.length) await db.metricPoint.createMany({ data: fresh.map((p) => ({ ...p, trainingJobId: jobId })) });
  }
  const topic = trainingTopic(jobId);
  if (fresh.length) await appendEvent(db, topic, "metrics", { points: fresh });
  const others = records.filter((r) => r.type !== "metrics");
  if (others.length) {
    const known = await db.event.findMany({ where: { topic, type: { in: ["checkpoint", "final", "best", "early_stop"] } }, select: { type: true, data: true } });
    const seen = new Set(known.map((e) => `${e.type}@${(e.data as { step?: number } | null)?.step}`));
    for (const r of others) {
      if (r.type === "status") await appendEvent(db, topic, "trainer_status", { status: r.status, step: r.step, message: typeof r.message === "string" ? scrubSecrets(r.message) : r.message });
      else if (r.type === "phase") await appendEvent(db, topic, "phase", { ...withoutTime(r), message: scrubSecrets(r.message), at: r.time ?? null });
      // what the trainer chose at start (a resume reports it again; the latest stands)
      else if (r.type === "attention" || r.type === "schedule") await appendEvent(db, topic, r.type, withoutTime(r));
      else if (!seen.has(`${r.type}@${r.step}`)) {
        seen.add(`${r.type}@${r.step}`);
        await appendEvent(db, topic, r.type, withoutTime(r));
      }
    }
  }
  return { points: fresh.length, skipped: incoming.length - fresh.length };
}

function withoutTime<T extends { type: string; time?: number }>(r: T): Omit<T, "type" | "time"> {
  const { type: _type, time: _time, ...rest } = r;
  return rest;
}

/** Re-reads a metrics.jsonl file (bad lines are skipped) and ingests what is missing. */
export async function ingestJsonl(db: Db, jobId: string, text: string, opts: { skipStatus?: boolean } = {}): Promise<IngestResult> {
  const records: TrainerRecord[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const r = trainerRecord.safeParse(JSON.parse(line));
      // a re-read after the job ended: its passing states (status, phase) are history, not news
      if (r.success && !(opts.skipStatus && (r.data.type === "status" || r.data.type === "phase"))) records.push(r.data);
    } catch {
      /* a line cut short by a crash */
    }
  }
  let total: IngestResult = { points: 0, skipped: 0 };
  for (let i = 0; i < records.length; i += 1000) {
    const r = await ingestRecords(db, jobId, records.slice(i, i + 1000));
    total = { points: total.points + r.points, skipped: total.skipped + r.skipped };
  }
  return total;
}
