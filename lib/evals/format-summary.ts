import type { ScoreRow } from "@/lib/evals/score";

/** A plain-text table of pass@k per benchmark and language, for terminals. */
export function formatSummary(rows: ScoreRow[]): string {
  const ks = [...new Set(rows.flatMap((r) => Object.keys(r.passAtK).map(Number)))].sort((a, b) => a - b);
  const header = ["benchmark", "lang", "problems", "samples", "passed", ...ks.map((k) => `pass@${k}`)];
  const body = rows.map((r) => [
    r.benchmark,
    r.language,
    // Imported harness figures come without counts.
    ...(r.reported ? ["reported", "-", "-"] : [String(r.problems), String(r.samples), String(r.passedSamples)]),
    ...ks.map((k) => (r.passAtK[k] === undefined ? "-" : (r.passAtK[k] * 100).toFixed(1))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}
