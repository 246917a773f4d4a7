import Link from "next/link";
import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/jobs/queue";
import { EmptyState } from "@/components/ui/empty-state";
import { StartDemoJob } from "@/components/jobs/start-demo-job";

export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const jobs = await listJobs(db(), { limit: 100 });
  return (
    <>
      <h1>Jobs</h1>
      <div className="panel"><StartDemoJob /></div>
      {jobs.length === 0 ? (
        <EmptyState title="No jobs yet">Jobs appear here when you ingest a corpus, start a run, train or evaluate.</EmptyState>
      ) : (
        <table>
          <thead><tr><th>Job</th><th>Type</th><th>Status</th><th>Attempts</th><th>Created</th><th>Error</th></tr></thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id}>
                <td><Link href={`/jobs/${j.id}`}><code>{j.id}</code></Link></td>
                <td>{j.type}</td>
                <td><span className={`badge ${j.status}`}>{j.status}</span></td>
                <td>{j.attempts}/{j.maxAttempts}</td>
                <td>{j.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="error">{j.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
