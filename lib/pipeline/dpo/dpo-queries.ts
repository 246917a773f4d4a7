import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export interface DpoQueryView {
  sampleId: string;
  /** the distinct sampled answers with their verdicts and how often each was sampled */
  answers: { text: string; verdict: string; count: number }[];
  pairs: { id: string; chosen: string; rejected: string; chosenVerdict: string | null; rejectedVerdict: string | null }[];
  noPassing: boolean;
  noFailing: boolean;
}

/** A query's N answers and its pairs, for the samples page (answers side by side, diff of chosen and rejected). */
export async function getDpoQuery(db: Db, runId: string, sampleId: string): Promise<DpoQueryView> {
  const step = await db.runStep.findUnique({ where: { runId_key: { runId, key: `dpo:${sampleId}` } } });
  if (!step) throw new AppError("not_found:dpo", `Query ${sampleId} has no DPO answers in run ${runId}.`);
  const o = step.output as { distinct?: DpoQueryView["answers"]; noPassing?: boolean; noFailing?: boolean } | null;
  const pairs = await db.dpoPair.findMany({ where: { runId, sampleId }, orderBy: { id: "asc" }, select: { id: true, chosen: true, rejected: true, chosenVerdict: true, rejectedVerdict: true } });
  return { sampleId, answers: o?.distinct ?? [], pairs, noPassing: Boolean(o?.noPassing), noFailing: Boolean(o?.noFailing) };
}
