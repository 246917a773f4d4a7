import type { ScoreRow } from "@/lib/evals/score";

/** The mean pass@1 over an evaluation's (benchmark, language) rows, as a percentage string. */
export function headlineScore(summary: unknown): string {
  const rows = (Array.isArray(summary) ? summary : []) as ScoreRow[];
  const values = rows.map((r) => r.passAtK?.[1]).filter((v): v is number => typeof v === "number");
  if (values.length === 0) return "—";
  return `${((100 * values.reduce((a, b) => a + b, 0)) / values.length).toFixed(1)}%`;
}
