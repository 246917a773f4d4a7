import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";
import { rawExecute } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import { SqlParams, sampleWhere } from "./filter-sql";
import type { SampleFilter } from "./sample-filter";

export const CURATION_ACTIONS = { accept: "accepted", reject: "rejected", reset: "pending" } as const;
export type CurationAction = keyof typeof CURATION_ACTIONS;

/** Samples picked one by one (checkboxes, the keyboard) or every sample matching a filter. */
export type CurationTarget = { ids: string[] } | { filter: SampleFilter };

const MAX_IDS = 5000;

/**
 * Accepts, rejects or resets samples in one statement. Text edits are not curation: they go
 * through editSample, which keeps a revision. Returns how many samples changed.
 */
export async function curateSamples(db: Db, action: CurationAction, target: CurationTarget): Promise<{ updated: number }> {
  const curation = CURATION_ACTIONS[action];
  if (!curation) throw new AppError("invalid:curation", `Unknown curation action "${action}"; use accept, reject or reset.`);
  const now = new Date();
  if ("ids" in target) {
    if (target.ids.length === 0) return { updated: 0 };
    if (target.ids.length > MAX_IDS) throw new AppError("too_large:selection", `Select at most ${MAX_IDS} samples, or apply the action to a filter.`);
    const { count } = await db.sample.updateMany({ where: { id: { in: target.ids } }, data: { curation, updatedAt: now } });
    return { updated: count };
  }
  const p = new SqlParams([curation, now]);
  const where = sampleWhere(target.filter, dialectOfDb(db), p);
  const updated = await rawExecute(db, `UPDATE "Sample" SET "curation" = $1, "updatedAt" = $2 WHERE "id" IN (SELECT s."id" FROM "Sample" s WHERE ${where})`, p.values);
  return { updated };
}
