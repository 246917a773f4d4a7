import Link from "next/link";
import { db } from "@/lib/db/client";
import { listEvaluations } from "@/lib/evals/app/evaluations";
import { evaluationEndpointChoices } from "@/lib/evals/app/endpoint-choices";
import { EmptyState } from "@/components/ui/empty-state";
import { NewEvaluationForm } from "@/components/evals/new-evaluation-form";
import { headlineScore } from "@/lib/evals/app/headline";

export const dynamic = "force-dynamic";

export default async function EvaluationsPage() {
  const [evals, endpoints] = await Promise.all([listEvaluations(db()), evaluationEndpointChoices(db())]);
  return (
    <>
      <h1>Evaluations</h1>
      <p className="muted">Run a benchmark below, or <Link href="/evaluations/import">import results</Link> of MultiPL-E or bigcode-evaluation-harness runs to compare them with yours.</p>
      <NewEvaluationForm endpoints={endpoints} />
      {evals.length === 0 ? (
        <EmptyState title="No evaluations yet">HumanEval, MBPP and MultiPL-E pass@k of your models, per language, appear here.</EmptyState>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Model</th><th>Status</th><th>pass@1 (mean)</th><th>Created</th></tr></thead>
          <tbody>
            {evals.map((e) => (
              <tr key={e.id}>
                <td><Link href={`/evaluations/${e.id}`}>{e.name}</Link></td>
                <td>{e.model}</td>
                <td><span className={`badge ${e.status}`}>{e.status}</span></td>
                <td>{headlineScore(e.summary)}</td>
                <td>{e.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted"><Link href="/compare">Compare evaluations →</Link></p>
    </>
  );
}
