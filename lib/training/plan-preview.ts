import type { TrainConfig } from "@/lib/training/config";
import { evalCount, planSteps, type StepPlan } from "@/lib/training/schedule-plan";

/**
 * The step plan shown before launch, from what is known of the dataset here: the records (and a
 * character-based token estimate for packing) when the file is readable on this host, else the
 * sample count the user gives. The trainer computes the exact plan from the tokenized data at start
 * (its "schedule" record, shown on the job page); this is the same arithmetic on an estimate.
 */
export interface DatasetShape {
  samples: number;
  /** characters per record, counted the way estimateTokens counts them at 1 character a token (packing estimate); absent when only the count is known */
  chars?: number[];
}

export interface PlanPreview extends StepPlan {
  /** where the sample count came from */
  source: "file" | "given";
  /** true when packed rows were estimated (character-based token counts, or none at all) */
  rowsEstimated: boolean;
}

/** Qwen-family BPE on code averages about 3.5 characters a token; the tiny test model reads bytes. */
export function charsPerToken(baseModel: string): number {
  return baseModel === "tiny-test" ? 1 : 3.5;
}
const TOKENS_PER_MESSAGE = 5; // the chat template's role header and end token

/** Rough tokens of one JSONL record (messages, or instruction/output, or prompt/chosen/rejected). */
export function estimateTokens(row: unknown, perToken = 3.5): number {
  const r = (row ?? {}) as Record<string, unknown>;
  const texts: string[] = Array.isArray(r.messages)
    ? (r.messages as { content?: unknown }[]).map((m) => String(m?.content ?? ""))
    : ["instruction", "prompt", "output", "response", "completion", "chosen"].map((k) => (typeof r[k] === "string" ? (r[k] as string) : "")).filter(Boolean);
  return texts.reduce((n, t) => n + Math.ceil(t.length / perToken) + TOKENS_PER_MESSAGE, 0);
}

/** Packed rows for these lengths, next-fit (an upper bound of the trainer's first-fit, in one pass). */
export function estimatePackedRows(tokens: number[], maxLength: number): number {
  let rows = 0;
  let room = 0;
  for (const raw of tokens) {
    const t = Math.min(Math.max(1, raw), maxLength);
    if (t > room) { rows++; room = maxLength; }
    room -= t;
  }
  return rows;
}

export function previewPlan(c: TrainConfig, shape: DatasetShape, source: PlanPreview["source"]): PlanPreview {
  const t = c.training;
  const held = c.evalDataset ? 0 : evalCount(shape.samples, c.evalFraction);
  const samples = shape.samples - held;
  const packed = c.kind === "sft" && t.packing;
  let rows = samples;
  let rowsEstimated = false;
  if (packed) {
    rowsEstimated = true;
    // the held-out share is taken evenly from the estimate (the trainer picks the rows at random)
    const perToken = charsPerToken(c.baseModel);
    rows = shape.chars ? Math.max(1, Math.round(estimatePackedRows(shape.chars.map((n) => n / perToken), t.maxLength) * (samples / shape.samples))) : samples;
  }
  const world = Math.max(1, c.resources.gpusPerNode) * c.resources.nodes;
  const plan = planSteps({ samples, rows, globalBatch: t.globalBatchSize, micro: t.microBatchSize, world, epochs: t.epochs, maxSteps: t.maxSteps ?? null, warmupSteps: t.warmupSteps });
  return { ...plan, source, rowsEstimated };
}

/** The plan as lines for a terminal or a <pre>. */
export function planLines(p: PlanPreview): string[] {
  const lines = [
    `${p.samples} training samples${p.source === "given" ? " (as given)" : ""} in ${p.rowsEstimated ? "≈" : ""}${p.rows} ${p.rows === p.samples && !p.rowsEstimated ? "rows" : "packed rows"}`,
    `${p.totalSteps} optimizer steps (${p.stepsPerEpoch} an epoch), gradient accumulation ${p.accumulation}, ≈${Math.round(p.samplesPerStep)} samples a step`,
    `warm-up ${p.warmupSteps} steps = ${((100 * Math.min(p.warmupSteps, p.totalSteps)) / p.totalSteps).toFixed(0)}% of the run`,
  ];
  if (p.rowsEstimated) lines.push("packed rows estimated from the characters in the file; the trainer logs the exact plan at start");
  return [...lines, ...p.warnings.map((w) => `warning: ${w}`)];
}
