import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function EvaluationsPage() {
  const evals = await db().evaluation.findMany({ where: { reference: false }, orderBy: { createdAt: "desc" }, take: 100 });
  return (
    <>
      <h1>Evaluations</h1>
      {evals.length === 0 ? (
        <EmptyState title="No evaluations yet">HumanEval, MBPP and MultiPL-E pass@k of your models, per language, appear here.</EmptyState>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Model</th><th>Status</th><th>Created</th></tr></thead>
          <tbody>{evals.map((e) => <tr key={e.id}><td>{e.name}</td><td>{e.model}</td><td><span className={`badge ${e.status}`}>{e.status}</span></td><td>{e.createdAt.toISOString().slice(0, 10)}</td></tr>)}</tbody>
        </table>
      )}
    </>
  );
}
