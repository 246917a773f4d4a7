import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { JobProgress } from "@/components/jobs/job-progress";

export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const job = await db().job.findUnique({ where: { id } });
  if (!job) notFound();
  return (
    <>
      <p><Link href="/jobs">← Jobs</Link></p>
      <h1>Job {job.type}</h1>
      <p className="muted">
        <code>{job.id}</code> · queued {job.createdAt.toISOString()} · up to {job.maxAttempts} attempts
      </p>
      <JobProgress jobId={job.id} initialStatus={job.status} />
    </>
  );
}
