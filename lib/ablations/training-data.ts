import "server-only";
import type { Db } from "@/lib/db/client";

export interface DataCounts {
  /** where the counts come from, for the page to say */
  source: string;
  counts: Record<string, number>;
}

/**
 * The training data of evaluated models, where it is known: an evaluation made (or attached)
 * for an ablation variant was of a model trained on that variant's exported dataset.
 */
export async function linkedTrainingData(db: Db, evaluationIds: string[]): Promise<Map<string, DataCounts>> {
  const variants = await db.ablationVariant.findMany({ where: { evaluationId: { in: evaluationIds } }, include: { ablation: { select: { name: true } } } });
  const out = new Map<string, DataCounts>();
  for (const v of variants) {
    const counts = (v.dataset as { perLanguage?: Record<string, number> } | null)?.perLanguage;
    if (v.evaluationId && counts) out.set(v.evaluationId, { source: `dataset of ${v.ablation.name} · ${v.key} (${v.sftSamples ?? 0} samples)`, counts });
  }
  return out;
}

/** A run's accepted samples per language (kept by the scorer, not rejected by a curator). */
export async function runLanguageCounts(db: Db, runId: string): Promise<DataCounts | null> {
  const run = await db.run.findUnique({ where: { id: runId }, select: { name: true } });
  if (!run) return null;
  const groups = await db.sample.groupBy({ by: ["language"], where: { runId, filtered: false, curation: { not: "rejected" } }, _count: { _all: true } });
  return { source: `accepted samples of run ${run.name}`, counts: Object.fromEntries(groups.map((g) => [g.language, g._count._all])) };
}
