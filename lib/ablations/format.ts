import type { AblationTableRow } from "@/lib/domain/eval-charts";
import type { AblationView } from "./queries";

const HEAD: Record<string, string> = { humaneval: "HE", "humaneval+": "HE+", mbpp: "MBPP", "mbpp+": "MBPP+", py: "Python", java: "Java", cpp: "C++", cs: "C#", ts: "TS", js: "JS", php: "PHP", sh: "Bash", avg: "Avg." };

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

/** A cell as the paper prints it, with its delta against the full data when there is one. */
export function formatCell(row: AblationTableRow, column: string): string {
  const v = row.cells[column as keyof AblationTableRow["cells"]];
  if (v == null) return "—";
  const d = row.deltas[column as keyof AblationTableRow["deltas"]];
  return d === undefined ? v.toFixed(1) : `${v.toFixed(1)} (${d >= 0 ? "+" : ""}${d.toFixed(1)})`;
}

/** What a variant's sample step made: pairs, from how many answers (and how many passed their tests). */
export function formatSampling(s: { queries: number; answers: number; passing: number; pairs: number; samplingFailures: number }): string {
  return `${s.pairs} pairs · ${s.queries} queries, ${s.answers} answers, ${s.passing} passed${s.samplingFailures ? `, ${s.samplingFailures} not sampled` : ""}`;
}

/** `xinstruct ablate show`: each variant's place in its chain, then the Table 2 comparison. */
export function formatAblation(view: AblationView): string {
  const variants = table([
    ["variant", "step", "status", "samples", "ds4 (sampled)", "training", "evaluation", "message"],
    ...view.variants.map((v) => [v.key, v.step, v.status, v.sftSamples == null ? "—" : String(v.sftSamples), v.sampling ? formatSampling(v.sampling) : "—", v.trainingJobId ?? "—", v.evaluation ? `${v.evaluation.id}${v.evaluationAttached ? " (attached)" : ""}` : "—", v.message ?? ""]),
  ]);
  const cols = [...view.table.columns, "avg"];
  const comparison = view.table.columns.length
    ? table([["variant", ...cols.map((c) => HEAD[c] ?? c)], ...view.table.rows.map((r) => [r.label, ...cols.map((c) => formatCell(r, c))])])
    : "(no evaluated variant yet: pass@1 per language appears here, with deltas against the full data)";
  return `${view.name} (${view.id}), run ${view.runId}, seed ${view.seed}\n\n${variants}\n\npass@1 (%)\n${comparison}\n`;
}
