/**
 * Chart data for training curves, as plain functions over metric points (what the job page and
 * the overlay of past jobs render). Charts only draw what these return.
 */
export interface MetricPointLike {
  step: number;
  name: string;
  value: number;
}

export interface SeriesSource {
  id: string;
  label: string;
  points: MetricPointLike[];
}

export type ChartRow = { step: number } & Record<string, number | undefined>;

/** The charts of the job page and the metrics each draws (a chart with no data is not shown). */
export const CHARTS: { id: string; title: string; metrics: string[]; percent?: boolean }[] = [
  { id: "loss", title: "Loss", metrics: ["loss", "eval_loss"] },
  { id: "lr", title: "Learning rate", metrics: ["lr"] },
  { id: "grad_norm", title: "Gradient norm", metrics: ["grad_norm"] },
  { id: "tokens_per_s", title: "Tokens/s", metrics: ["tokens_per_s"] },
  { id: "mfu", title: "MFU", metrics: ["mfu"], percent: true },
  { id: "dpo", title: "DPO rewards", metrics: ["rewards_margin", "rewards_chosen", "rewards_rejected"] },
  { id: "dpo_accuracy", title: "DPO reward accuracy", metrics: ["rewards_accuracy", "eval_rewards_accuracy"], percent: true },
  { id: "gpu_mem_gb", title: "GPU memory (GiB)", metrics: ["gpu_mem_gb"] },
];

/** Rows by step with one column per metric; a later point for the same step and name wins. */
export function prepareRows(points: MetricPointLike[], metrics: string[]): ChartRow[] {
  const wanted = new Set(metrics);
  const byStep = new Map<number, ChartRow>();
  for (const p of points) {
    if (!wanted.has(p.name) || !Number.isFinite(p.value)) continue;
    const row = byStep.get(p.step) ?? { step: p.step };
    row[p.name] = p.value;
    byStep.set(p.step, row);
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/** One metric of several jobs on the same steps axis: columns are the jobs' ids. */
export function prepareOverlay(sources: SeriesSource[], metric: string): ChartRow[] {
  const byStep = new Map<number, ChartRow>();
  for (const s of sources) {
    for (const p of s.points) {
      if (p.name !== metric || !Number.isFinite(p.value)) continue;
      const row = byStep.get(p.step) ?? { step: p.step };
      row[s.id] = p.value;
      byStep.set(p.step, row);
    }
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

/** Exponential moving average (TensorBoard-style, debiased), for noisy loss curves. */
export function smooth(values: number[], weight: number): number[] {
  if (weight <= 0) return [...values];
  let last = 0;
  let n = 0;
  return values.map((v) => {
    last = last * weight + (1 - weight) * v;
    n++;
    return last / (1 - weight ** n);
  });
}

export function chartsWithData(points: MetricPointLike[]): typeof CHARTS {
  const names = new Set(points.map((p) => p.name));
  return CHARTS.filter((c) => c.metrics.some((m) => names.has(m)));
}

/** Merges freshly arrived points into the list, replacing any with the same step and name. */
export function mergePoints<T extends MetricPointLike>(existing: T[], incoming: T[]): T[] {
  const key = (p: MetricPointLike) => `${p.name}@${p.step}`;
  const map = new Map(existing.map((p) => [key(p), p]));
  for (const p of incoming) map.set(key(p), p);
  return [...map.values()].sort((a, b) => a.step - b.step || a.name.localeCompare(b.name));
}

/** The latest value of each metric (the summary above the charts). */
export function latestValues(points: MetricPointLike[]): Record<string, { step: number; value: number }> {
  const out: Record<string, { step: number; value: number }> = {};
  for (const p of points) if (!out[p.name] || out[p.name].step <= p.step) out[p.name] = { step: p.step, value: p.value };
  return out;
}

/** A chart's own rows plus other jobs' curves of one metric, keyed "cmp:<job id>", on one steps axis. */
export function withOverlay(own: ChartRow[], others: SeriesSource[], metric: string): ChartRow[] {
  const keyed = others.map((s) => ({ ...s, id: `cmp:${s.id}` }));
  const byStep = new Map<number, ChartRow>(own.map((r) => [r.step, { ...r }]));
  for (const r of prepareOverlay(keyed, metric)) byStep.set(r.step, { ...(byStep.get(r.step) ?? { step: r.step }), ...r });
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}
