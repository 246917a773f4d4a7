import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getEvaluation } from "@/lib/evals/app/evaluations";
import { toRunScores } from "@/lib/evals/app/run-scores";
import { prepareLanguageBars } from "@/lib/domain/eval-charts";
import type { ScoreRow } from "@/lib/evals/score";
import { EvaluationLive } from "@/components/evals/evaluation-live";
import { PassRateBars } from "@/components/evals/pass-rate-bars";
import { ResultsTable } from "@/components/evals/results-table";

export const dynamic = "force-dynamic";

const IMPORT_LABELS: Record<string, string> = { "multipl-e": "MultiPL-E", bigcode: "bigcode-evaluation-harness" };

export default async function EvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const evaluation = await getEvaluation(db(), id).catch((e) => { if (isAppError(e) && e.status === 404) notFound(); throw e; });
  const running = ["queued", "running"].includes(evaluation.status);
  const summary = (Array.isArray(evaluation.summary) ? evaluation.summary : []) as unknown as ScoreRow[];
  const bars = prepareLanguageBars(toRunScores(evaluation));
  const languages = [...new Set(summary.map((s) => s.language))];
  const imported = evaluation.source?.startsWith("imported:") ? (evaluation.config as { imported?: { format: string; fileCount: number } }).imported : undefined;
  return (
    <>
      <p><Link href="/evaluations">← Evaluations</Link></p>
      <h1>{evaluation.name}</h1>
      <p className="muted">
        Model <code>{evaluation.model}</code>{" "}
        {imported ? <>imported from {IMPORT_LABELS[imported.format] ?? imported.format} result files ({imported.fileCount})</> : <>at <code>{evaluation.endpoint}</code></>}
        {" "}· <span className={`badge ${evaluation.status}`}>{evaluation.status}</span>
      </p>
      {evaluation.error ? <p className="error" role="status">{evaluation.error}</p> : null}
      {running && evaluation.jobId ? <EvaluationLive jobId={evaluation.jobId} initial={(evaluation.progress as never[]) ?? []} /> : null}
      {bars.length > 0 ? (
        <div className="panel">
          <h2 style={{ marginTop: 0 }}>pass@1 per language</h2>
          <PassRateBars data={bars.map((b) => ({ label: b.label, [evaluation.id]: b.value }))} series={[{ key: evaluation.id, label: "pass@1" }]} />
          <table>
            <thead><tr><th>Benchmark</th><th>Language</th><th>Problems</th><th>Samples</th><th>pass@k</th></tr></thead>
            <tbody>
              {summary.map((s) => (
                <tr key={`${s.benchmark}/${s.language}`}>
                  <td>{s.benchmark}</td><td>{s.language}</td>
                  {s.reported ? <td colSpan={2} className="muted">as the harness reported it</td> : <><td>{s.problems}</td><td>{s.samples}</td></>}
                  <td data-testid={`score-${s.benchmark}-${s.language}`}>{Object.entries(s.passAtK).map(([k, v]) => `pass@${k} ${(100 * v).toFixed(1)}%`).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <h2>Per-problem results</h2>
      <ResultsTable key={evaluation.status} evaluationId={evaluation.id} languages={languages} />
    </>
  );
}
