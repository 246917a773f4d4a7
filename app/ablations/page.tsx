import Link from "next/link";
import { db } from "@/lib/db/client";
import { listAblations } from "@/lib/ablations/queries";
import { listRunChoices } from "@/lib/ablations/run-choices";
import { evaluationEndpointChoices } from "@/lib/evals/app/endpoint-choices";
import { EmptyState } from "@/components/ui/empty-state";
import { NewAblationForm } from "@/components/ablations/new-ablation-form";

export const dynamic = "force-dynamic";

export default async function AblationsPage({ searchParams }: { searchParams: Promise<{ run?: string }> }) {
  const sp = await searchParams;
  const [ablations, runs, endpoints] = await Promise.all([listAblations(db()), listRunChoices(db()), evaluationEndpointChoices(db())]);
  return (
    <>
      <h1>Ablations</h1>
      <p className="muted">
        Which part of the data helps? From one run, each variant (without Ds1…Ds4, the other discussion mode in a new run verified and paired as this one was, a fraction of the data)
        gets its dataset, a training job and an evaluation, chained through the job queue, and lands in a table like the paper&apos;s Table 2.
      </p>
      {runs.length ? <NewAblationForm runs={runs} endpoints={endpoints} runId={sp.run} /> : <EmptyState title="No runs yet">An ablation starts from a generation run: <Link href="/runs/new">start one</Link>.</EmptyState>}
      {ablations.length ? (
        <table>
          <thead><tr><th>Ablation</th><th>Run</th><th>Variants</th><th>Evaluated</th><th>Stopped</th><th>Created</th></tr></thead>
          <tbody>
            {ablations.map((a) => (
              <tr key={a.id}>
                <td><Link href={`/ablations/${a.id}`}>{a.name}</Link></td>
                <td><Link href={`/runs/${a.runId}`}>{a.runId.slice(0, 10)}…</Link></td>
                <td>{a.variants}</td>
                <td>{a.succeeded}</td>
                <td>{a.stopped ? <span className="badge failed">{a.stopped}</span> : 0}</td>
                <td>{a.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
