import type { RunScores } from "@/lib/domain/eval-charts";
import type { ScoreRow } from "@/lib/evals/score";

/** An Evaluation row as the chart preparation functions take it. */
export function toRunScores(e: { id: string; name: string; model: string; summary: unknown }): RunScores {
  const rows = (Array.isArray(e.summary) ? e.summary : []) as ScoreRow[];
  return { id: e.id, label: `${e.name} (${e.model})`, scores: rows.map((r) => ({ benchmark: r.benchmark, language: r.language, passAtK: r.passAtK })) };
}
