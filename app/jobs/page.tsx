import Link from "next/link";
import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/jobs/queue";
import { EmptyState } from "@/components/ui/empty-state";
import { StartDemoJob } from "@/components/jobs/start-demo-job";
import { jobSubject } from "@/components/jobs/job-subject";
import { fmtDuration, fmtTime } from "@/components/ui/format";

export const dynamic = "force-dynamic";

const STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"];

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { status } = await searchParams;
  const filter = status && STATUSES.includes(status) ? status : undefined;
  const jobs = await listJobs(db(), { limit: 100, status: filter });
  return (
    <>
      <h1>Jobs</h1>
      <p className="muted">
        The worker&apos;s queue: corpus imports, generation runs, training, evaluations. Each job links to what it works on.
      </p>
      <nav className="section-nav" aria-label="Filter jobs by status">
        <Link href="/jobs" aria-current={!filter ? "true" : undefined} className={!filter ? "badge" : undefined}>all</Link>
        {STATUSES.map((s) => <Link key={s} href={`/jobs?status=${s}`} aria-current={filter === s ? "true" : undefined} className={filter === s ? "badge" : undefined}>{s}</Link>)}
      </nav>
      {jobs.length === 0 ? (
        <EmptyState title={filter ? `No ${filter} jobs` : "No jobs yet"}>Jobs appear here when you ingest a corpus, start a run, train or evaluate.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table data-testid="jobs">
            <thead><tr><th>Job</th><th>Type</th><th>For</th><th>Status</th><th className="num">Attempts</th><th>Created</th><th className="num">Took</th><th>Error</th></tr></thead>
            <tbody>
              {jobs.map((j) => {
                const subject = jobSubject(j.payload);
                return (
                  <tr key={j.id}>
                    <td><Link href={`/jobs/${j.id}`}><code>{j.id}</code></Link></td>
                    <td>{j.type}</td>
                    <td>{subject ? (subject.href ? <Link href={subject.href}>{subject.label}</Link> : subject.label) : <span className="muted">—</span>}</td>
                    <td><span className={`badge ${j.status}`}>{j.status}</span></td>
                    <td className="num">{j.attempts}/{j.maxAttempts}</td>
                    <td style={{ whiteSpace: "nowrap" }}>{fmtTime(j.createdAt)}</td>
                    <td className="num" style={{ whiteSpace: "nowrap" }}>{j.startedAt && j.finishedAt ? fmtDuration(j.finishedAt.getTime() - j.startedAt.getTime()) : "—"}</td>
                    <td className="error" style={{ overflowWrap: "anywhere", maxWidth: 360 }}>{j.lastError ?? ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="panel" style={{ marginTop: 16 }}>
        <p className="muted" style={{ marginTop: 0 }}>Check that a worker is running and live progress reaches this browser: a demo job counts to 20 in a few seconds.</p>
        <StartDemoJob />
      </div>
    </>
  );
}
