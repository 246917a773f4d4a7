import "server-only";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { benchmarkDecontamination } from "@/lib/export/benchmark-decontamination";
import { exportToStore } from "@/lib/export/export-store";
import type { SampleFilter } from "@/lib/samples/sample-filter";
import type { AblationConfig } from "./config";
import type { VariantSampling } from "./sample-step";
import { selectVariantSamples, usesPairs, type VariantSpec } from "./variants";

/**
 * A run's "accepted" samples for an ablation: kept by the scorer and not rejected by a curator
 * (pending, accepted and edited ones). The same filter selects the candidates and exports them.
 */
export function ablationSampleFilter(runId: string): SampleFilter {
  return { runId, curation: ["pending", "accepted", "edited"], filtered: "hide" };
}

export async function candidateSamples(db: Db, runId: string) {
  return db.sample.findMany({ where: { runId, filtered: false, curation: { in: ["pending", "accepted", "edited"] } }, select: { id: true, part: true, language: true } });
}

export interface VariantDataset {
  exportId: string;
  sftFile: string;
  sftSamples: number;
  /** the variant's own Ds4 pairs (written by its sample step), null before it */
  dpoFile: string | null;
  dpoPairs: number;
  perLanguage: Record<string, number>;
  /**
   * The ablation's run has Ds4 (its DPO stage made pairs) and the variant keeps it: the variant's SFT
   * model is sampled for its own pairs. Absent in datasets exported before the sample step existed.
   */
  ds4?: boolean;
  /** what the sample step did (shown with the chain) */
  sampling?: VariantSampling;
}

/**
 * Exports a variant's SFT data as a dataset in the export store (downloadable like any export).
 * The run's own preference pairs are not part of it: they were sampled from the R-Generator, and
 * a variant's Ds4 comes from its own SFT model (the sample step). Benchmark decontamination runs
 * against BENCHMARKS_DIR, as for every export from the dashboard.
 */
export async function exportVariantDataset(db: Db, o: { runId: string; sourceRunId: string; spec: VariantSpec; config: AblationConfig; name: string }): Promise<VariantDataset> {
  const candidates = await candidateSamples(db, o.runId);
  const ids = selectVariantSamples(candidates, o.spec, o.config.seed);
  if (ids.length === 0) throw new AppError("invalid:ablation", `Run ${o.runId} has no accepted samples for the variant "${o.spec.key}" (scorer-filtered and rejected samples are left out).`);
  // the ablation's run has Ds4 (its DPO stage made pairs): a twin run of the other mode keeps it too
  const ds4 = usesPairs(o.spec) && (await db.dpoPair.count({ where: { runId: o.sourceRunId } })) > 0;
  const result = await exportToStore(db, o.config.placement.dataDir, {
    format: "sft",
    filter: ablationSampleFilter(o.runId),
    sampleIds: new Set(ids),
    name: o.name,
    decontaminate: await benchmarkDecontamination([env().benchmarksDir]),
  });
  const dir = path.join(o.config.placement.dataDir, "exports", result.id);
  const sft = result.files.find((f) => /^data\/(sft\/)?train-.*\.jsonl$/.test(f.path))!;
  return {
    exportId: result.id,
    sftFile: path.join(dir, ...sft.path.split("/")),
    sftSamples: result.sft.total,
    dpoFile: null,
    dpoPairs: 0,
    perLanguage: result.sft.perLanguage,
    ds4,
  };
}
