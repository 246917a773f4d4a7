import Link from "next/link";
import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { listTrainingJobs } from "@/lib/training/jobs-service";

export const dynamic = "force-dynamic";

export default async function TrainingPage() {
  const jobs = await listTrainingJobs(db());
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1>Training</h1>
        <Link href="/training/new" className="button">New training job</Link>
      </div>
      {jobs.length === 0 ? (
        <EmptyState title="No training jobs yet">
          SFT and DPO fine-tuning jobs (local GPU, SSH or Slurm) and their live curves appear here. <Link href="/training/new">Launch one</Link>, or run{" "}
          <code>npx xinstruct train --config train.yaml</code>.
        </EmptyState>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Stage</th><th>Backend</th><th>Status</th><th>Created</th></tr></thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td><Link href={`/training/${j.id}`}>{j.name}</Link></td><td>{j.kind.toUpperCase()}</td><td>{j.backend}</td>
                <td><span className={`badge ${j.status}`}>{j.status}</span></td><td className="muted">{j.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
