import { db } from "@/lib/db/client";
import { EmptyState } from "@/components/ui/empty-state";

export const dynamic = "force-dynamic";

export default async function TrainingPage() {
  const jobs = await db().trainingJob.findMany({ orderBy: { createdAt: "desc" }, take: 100 });
  return (
    <>
      <h1>Training</h1>
      {jobs.length === 0 ? (
        <EmptyState title="No training jobs yet">SFT and DPO fine-tuning jobs (local GPU, SSH or Slurm) and their live curves appear here.</EmptyState>
      ) : (
        <table>
          <thead><tr><th>Name</th><th>Kind</th><th>Backend</th><th>Status</th></tr></thead>
          <tbody>{jobs.map((j) => <tr key={j.id}><td>{j.name}</td><td>{j.kind}</td><td>{j.backend}</td><td><span className={`badge ${j.status}`}>{j.status}</span></td></tr>)}</tbody>
        </table>
      )}
    </>
  );
}
