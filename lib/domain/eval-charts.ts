/**
 * Chart-data preparation for evaluation pages: plain functions over plain data, so components
 * only render. Scores come in as fractions (0..1) and leave as percentages with one decimal,
 * the way the paper reports them.
 */
import { languageName, MULTIPLE_LANGUAGES, PAPER_LANGUAGES, resourceGroup, type ResourceGroup } from "./language-names";

export { MULTIPLE_LANGUAGES };
export const EVAL_COLUMNS = ["humaneval", "humaneval+", "mbpp", "mbpp+", ...MULTIPLE_LANGUAGES] as const;
export type EvalColumn = (typeof EVAL_COLUMNS)[number];

const LABELS = {
  humaneval: "HumanEval", "humaneval+": "HumanEval+", mbpp: "MBPP", "mbpp+": "MBPP+",
  ...Object.fromEntries(MULTIPLE_LANGUAGES.map((l) => [l, languageName(l)])),
} as Record<EvalColumn, string>;

export interface RunScore {
  benchmark: string;
  language: string;
  /** pass@k as fractions, keyed by k */
  passAtK: Record<number, number>;
}

export interface RunScores {
  id: string;
  label: string;
  scores: RunScore[];
}

/** MultiPL-E scores are keyed by language, the Python benchmarks by their own name. */
export function columnOf(s: Pick<RunScore, "benchmark" | "language">): EvalColumn | null {
  const key = s.benchmark === "multipl-e" ? s.language : s.benchmark;
  return (EVAL_COLUMNS as readonly string[]).includes(key) ? (key as EvalColumn) : null;
}

const pct = (f: number) => Math.round(f * 1000) / 10;

export function runValues(run: RunScores, k = 1): Partial<Record<EvalColumn, number>> {
  const out: Partial<Record<EvalColumn, number>> = {};
  for (const s of run.scores) {
    const col = columnOf(s);
    const v = s.passAtK[k];
    if (col && v !== undefined) out[col] = pct(v);
  }
  return out;
}

export interface Bar {
  column: EvalColumn;
  label: string;
  value: number;
}

/** One run: a bar per MultiPL-E language, then HumanEval(+)/MBPP(+), only those measured. */
export function prepareLanguageBars(run: RunScores, k = 1): Bar[] {
  const values = runValues(run, k);
  const order: EvalColumn[] = [...MULTIPLE_LANGUAGES, "humaneval", "humaneval+", "mbpp", "mbpp+"];
  return order.filter((c) => values[c] !== undefined).map((c) => ({ column: c, label: LABELS[c], value: values[c]! }));
}

export interface CompareRow {
  column: EvalColumn;
  label: string;
  /** value per run id (percent); missing when the run did not measure it */
  values: Record<string, number>;
  /** value minus the baseline's, per run id (baseline itself excluded) */
  deltas: Record<string, number>;
}

/** Grouped bars for several runs with deltas against a chosen baseline run. */
export function prepareCompare(runs: RunScores[], baselineId: string, k = 1): CompareRow[] {
  const values = new Map(runs.map((r) => [r.id, runValues(r, k)]));
  const base = values.get(baselineId);
  if (!base) throw new RangeError(`baseline ${baselineId} is not among the compared runs`);
  const order: EvalColumn[] = [...MULTIPLE_LANGUAGES, "humaneval", "humaneval+", "mbpp", "mbpp+"];
  return order
    .filter((c) => runs.some((r) => values.get(r.id)![c] !== undefined))
    .map((c) => {
      const row: CompareRow = { column: c, label: LABELS[c], values: {}, deltas: {} };
      for (const r of runs) {
        const v = values.get(r.id)![c];
        if (v === undefined) continue;
        row.values[r.id] = v;
        if (r.id !== baselineId && base[c] !== undefined) row.deltas[r.id] = Math.round((v - base[c]!) * 10) / 10;
      }
      return row;
    });
}

export interface Table1Row {
  label: string;
  /** set on rows that come from a reference (e.g. the paper), with its source */
  reference?: string;
  cells: Record<EvalColumn | "avg", number | null>;
}

/**
 * Rows like the paper's Table 1: HE, HE+, MBPP, MBPP+, the eight languages and their average
 * (only when all eight are present), followed by reference rows given as percentages.
 */
export function prepareTable1(runs: RunScores[], references: { label: string; source: string; cells: Partial<Record<EvalColumn | "avg", number | null>> }[] = []): Table1Row[] {
  const rows: Table1Row[] = runs.map((r) => {
    const v = runValues(r, 1);
    const langs = PAPER_LANGUAGES.map((l) => v[l]);
    const avg = langs.every((x) => x !== undefined) ? Math.round((langs.reduce((s, x) => s + x!, 0) / langs.length) * 10) / 10 : null;
    const cells = Object.fromEntries(EVAL_COLUMNS.map((c) => [c, v[c] ?? null])) as Record<EvalColumn, number | null>;
    return { label: r.label, cells: { ...cells, avg } };
  });
  for (const ref of references) {
    const cells = Object.fromEntries([...EVAL_COLUMNS, "avg"].map((c) => [c, ref.cells[c as EvalColumn] ?? null])) as Table1Row["cells"];
    rows.push({ label: ref.label, reference: ref.source, cells });
  }
  return rows;
}

export interface DataSizePoint {
  /** training-data size (samples, or a fraction) of the model evaluated */
  size: number;
  run: RunScores;
}

/** The paper's Figure 5: pass@1 per column as a function of training-data size, sorted by size. */
export function prepareDataSizeCurve(points: DataSizePoint[], k = 1): { size: number; values: Partial<Record<EvalColumn | "avg", number>> }[] {
  return [...points]
    .sort((a, b) => a.size - b.size)
    .map((p) => {
      const v = runValues(p.run, k);
      const langs = PAPER_LANGUAGES.map((l) => v[l]).filter((x): x is number => x !== undefined);
      const values: Partial<Record<EvalColumn | "avg", number>> = { ...v };
      if (langs.length === PAPER_LANGUAGES.length) values.avg = Math.round((langs.reduce((s, x) => s + x, 0) / langs.length) * 10) / 10;
      return { size: p.size, values };
    });
}

export interface BiasPoint {
  language: (typeof MULTIPLE_LANGUAGES)[number];
  label: string;
  /** MultiPL-E's grouping: high- or low-resource language */
  group: ResourceGroup;
  /** share of the training data in this language (percent) */
  dataShare: number;
  passRate: number;
}

/**
 * Per-language bias view: each language's share of the training data against its pass@1, with
 * the Pearson correlation across languages (null with fewer than 3 languages or no variance).
 */
export function prepareLanguageBias(dataCounts: Partial<Record<string, number>>, run: RunScores): { points: BiasPoint[]; correlation: number | null; groups: GroupSummary[] } {
  const v = runValues(run, 1);
  const total = MULTIPLE_LANGUAGES.reduce((s, l) => s + (dataCounts[l] ?? 0), 0);
  const points: BiasPoint[] = MULTIPLE_LANGUAGES.filter((l) => v[l] !== undefined).map((l) => ({
    language: l,
    label: LABELS[l],
    group: resourceGroup(l),
    dataShare: total > 0 ? Math.round(((dataCounts[l] ?? 0) / total) * 1000) / 10 : 0,
    passRate: v[l]!,
  }));
  return { points, correlation: pearson(points.map((p) => p.dataShare), points.map((p) => p.passRate)), groups: groupSummaries(points) };
}

export interface GroupSummary {
  group: ResourceGroup;
  label: string;
  /** the group's languages that have a score */
  languages: string[];
  /** mean pass@1 over them (percent) */
  passRate: number;
  /** their summed share of the training data (percent) */
  dataShare: number;
}

export const GROUP_LABELS: Record<ResourceGroup, string> = { high: "High-resource", low: "Low-resource" };

/** MultiPL-E's high/low-resource split of the bias view: mean pass@1 and data share per group. */
function groupSummaries(points: BiasPoint[]): GroupSummary[] {
  return (["high", "low"] as const).flatMap((group) => {
    const members = points.filter((p) => p.group === group);
    if (members.length === 0) return [];
    return [{
      group,
      label: GROUP_LABELS[group],
      languages: members.map((p) => p.language),
      passRate: round1(members.reduce((s, p) => s + p.passRate, 0) / members.length),
      dataShare: round1(members.reduce((s, p) => s + p.dataShare, 0)),
    }];
  });
}

export interface GroupRow {
  group: ResourceGroup;
  label: string;
  /** mean pass@1 over the group's languages the run measured, per run id */
  values: Record<string, number>;
  /** how many languages each run's mean covers */
  counts: Record<string, number>;
}

/** The compare page's high- and low-resource averages (MultiPL-E's grouping), only where measured. */
export function prepareGroupAverages(runs: RunScores[], k = 1): GroupRow[] {
  const rows = (["high", "low"] as const).map((group) => {
    const row: GroupRow = { group, label: `${GROUP_LABELS[group]} languages (mean)`, values: {}, counts: {} };
    for (const run of runs) {
      const v = runValues(run, k);
      const langs = MULTIPLE_LANGUAGES.filter((l) => resourceGroup(l) === group && v[l] !== undefined);
      if (langs.length === 0) continue;
      row.values[run.id] = round1(langs.reduce((s, l) => s + v[l]!, 0) / langs.length);
      row.counts[run.id] = langs.length;
    }
    return row;
  });
  return rows.filter((r) => Object.keys(r.values).length > 0);
}

function pearson(xs: number[], ys: number[]): number | null {
  if (xs.length < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export interface AblationTableRow {
  key: string;
  label: string;
  /** percent per column, null where the variant has no score (yet) */
  cells: Partial<Record<EvalColumn | "avg", number | null>>;
  /** cell minus the baseline's, where both exist (not on the baseline row) */
  deltas: Partial<Record<EvalColumn | "avg", number>>;
}

/**
 * The paper's Table 2: a row per variant, a column per language measured by any of them (then
 * HumanEval/MBPP, if measured), and the average over the language columns for rows that have
 * all of them; deltas against the baseline variant (the full data).
 */
export function prepareAblationTable(rows: { key: string; label: string; run: RunScores | null }[], baselineKey: string, k = 1): { columns: EvalColumn[]; rows: AblationTableRow[] } {
  const values = rows.map((r) => (r.run ? runValues(r.run, k) : {}));
  const order: EvalColumn[] = [...MULTIPLE_LANGUAGES, "humaneval", "humaneval+", "mbpp", "mbpp+"];
  const columns = order.filter((c) => values.some((v) => v[c] !== undefined));
  const langs = columns.filter((c) => (MULTIPLE_LANGUAGES as readonly string[]).includes(c));
  const averaged = langs.length ? langs : columns;
  const table = rows.map((r, i) => {
    const v = values[i];
    const cells: AblationTableRow["cells"] = Object.fromEntries(columns.map((c) => [c, v[c] ?? null]));
    cells.avg = averaged.length && averaged.every((c) => v[c] !== undefined) ? round1(averaged.reduce((s, c) => s + v[c]!, 0) / averaged.length) : null;
    return { key: r.key, label: r.label, cells, deltas: {} as AblationTableRow["deltas"] };
  });
  const base = table.find((r) => r.key === baselineKey);
  if (base) {
    for (const row of table) {
      if (row === base) continue;
      for (const c of [...columns, "avg"] as (EvalColumn | "avg")[]) {
        const a = row.cells[c];
        const b = base.cells[c];
        if (a != null && b != null) row.deltas[c] = round1(a - b);
      }
    }
  }
  return { columns, rows: table };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
