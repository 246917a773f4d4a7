import { deriveSeed } from "@/lib/domain/seeded-rng";
import { AppError } from "@/lib/errors";

/**
 * Ablation variants of a generation run (the paper's Table 2, its open question 3 and Figure 5)
 * and which of the run's samples each one trains on. Pure: the dataset job feeds it the run's
 * candidate samples, tests feed it fixtures.
 */

export const DATA_PARTS = ["ds1", "ds2", "ds3", "ds4"] as const;
export type DataPart = (typeof DATA_PARTS)[number];
export type DiscussionMode = "centralized" | "parallel";

export type VariantSpec =
  | { kind: "full"; key: "full" }
  | { kind: "without"; key: `no-${DataPart}`; part: DataPart }
  | { kind: "mode"; key: DiscussionMode; mode: DiscussionMode }
  | { kind: "size"; key: `size:${string}`; fraction: number };

export const FULL: VariantSpec = { kind: "full", key: "full" };

/** Reads one variant name: full, no-ds1..no-ds4, parallel, centralized, size:0.25 (or size:25%). */
export function parseVariantKey(text: string): VariantSpec {
  const t = text.trim().toLowerCase();
  if (t === "full") return FULL;
  const without = /^no-(ds[1-4])$/.exec(t);
  if (without) return { kind: "without", key: t as `no-${DataPart}`, part: without[1] as DataPart };
  if (t === "parallel" || t === "centralized") return { kind: "mode", key: t, mode: t };
  const size = /^size:(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (size) {
    const fraction = Number(size[1]) / (size[2] ? 100 : 1);
    if (!(fraction > 0 && fraction <= 1)) throw new AppError("invalid:ablation", `${text}: a data-size fraction is above 0 and at most 1 (or 100%)`);
    return { kind: "size", key: `size:${fraction}`, fraction };
  }
  throw new AppError("invalid:ablation", `Unknown variant "${text}". Known: full, no-ds1, no-ds2, no-ds3, no-ds4, parallel, centralized, size:FRACTION (e.g. size:0.25)`);
}

/**
 * The variants of an ablation, "full" first (the baseline every delta is against), each once.
 * The other discussion mode is the only mode variant a run has: its own mode is the full data.
 */
export function parseVariants(input: string | string[], runMode: DiscussionMode): VariantSpec[] {
  const names = (Array.isArray(input) ? input : input.split(",")).map((s) => s.trim()).filter(Boolean);
  const out: VariantSpec[] = [FULL];
  for (const name of names) {
    const spec = parseVariantKey(name);
    if (spec.kind === "mode" && spec.mode === runMode) {
      throw new AppError("invalid:ablation", `The run already uses ${runMode} discussion: that is the full variant. Its counterpart is "${runMode === "parallel" ? "centralized" : "parallel"}".`);
    }
    if (!out.some((v) => v.key === spec.key)) out.push(spec);
  }
  return out;
}

export function variantLabel(spec: VariantSpec): string {
  switch (spec.kind) {
    case "full": return "Full data";
    case "without": return `− ${spec.part.toUpperCase().replace("DS", "Ds")}`;
    case "mode": return `${spec.mode === "parallel" ? "Parallel" : "Centralized"} discussion`;
    case "size": return `${Math.round(spec.fraction * 1000) / 10}% of the data`;
  }
}

export interface CandidateSample {
  id: string;
  part: string;
}

/**
 * The sample ids a variant trains on (SFT data), sorted. Size subsets rank every sample by a hash
 * of the ablation seed and its id and keep the first ⌈fraction·n⌉: the same seed gives the same
 * subset, and a smaller fraction's subset lies inside every larger one (the curve's points nest).
 */
export function selectVariantSamples(samples: readonly CandidateSample[], spec: VariantSpec, seed: number): string[] {
  let kept: CandidateSample[];
  switch (spec.kind) {
    case "full":
    case "mode":
      kept = [...samples];
      break;
    case "without":
      kept = samples.filter((s) => s.part !== spec.part);
      break;
    case "size": {
      const ranked = samples.map((s) => ({ id: s.id, rank: deriveSeed(seed, "ablation-size", s.id) })).sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
      const n = Math.ceil(spec.fraction * samples.length - 1e-9);
      return ranked.slice(0, n).map((r) => r.id).sort();
    }
  }
  return kept.map((s) => s.id).sort();
}

/**
 * Whether the variant's model is DPO-trained on the run's preference pairs (Ds4) after SFT.
 * Size subsets are SFT data only, as in the paper's Figure 5; "no-ds4" is the SFT model itself.
 */
export function usesPairs(spec: VariantSpec): boolean {
  return spec.kind === "full" || spec.kind === "mode" || (spec.kind === "without" && spec.part !== "ds4");
}

export type VariantStep = "generate" | "dataset" | "train" | "sample" | "dpo" | "evaluate" | "done";

/**
 * The chain a variant goes through. Where the run's data has Ds4 (`ds4`) and the variant keeps
 * it, its SFT model is sampled ("sample": answers executed and paired, as the paper builds Ds4)
 * and DPO-trained on those pairs; `pairs` is what the sample step made (null before it ran), and
 * with none there is nothing to DPO-train on.
 */
export function variantSteps(spec: VariantSpec, ds4: { ds4: boolean; pairs: number | null }): VariantStep[] {
  const dpo: VariantStep[] = usesPairs(spec) && ds4.ds4 ? ["sample", ...(ds4.pairs === 0 ? [] : (["dpo"] as const))] : [];
  return [...(spec.kind === "mode" ? (["generate"] as const) : []), "dataset", "train", ...dpo, "evaluate", "done"];
}
