import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { JobProgress } from "@/components/jobs/job-progress";
import { jobSubject } from "@/components/jobs/job-subject";
import { fmtTime } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const job = await db().job.findUnique({ where: { id } });
  if (!job) notFound();
  const subject = jobSubject(job.payload);
  return (
    <>
      <p><Link href="/jobs">← Jobs</Link></p>
      <h1>Job {job.type}</h1>
      <p className="muted" style={{ overflowWrap: "anywhere" }}>
        <code>{job.id}</code> · queued {fmtTime(job.createdAt)} · up to {job.maxAttempts} attempts
        {subject ? <> · for {subject.href ? <Link href={subject.href} data-testid="job-subject">this {subject.label}</Link> : `an ${subject.label}`}</> : null}
      </p>
      <JobProgress jobId={job.id} initialStatus={job.status} />
    </>
  );
}
