import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { latestSeq } from "@/lib/events/store";
import { JobView } from "@/components/training/job-view";
import { listCheckpoints, listJobNotes, listMetricPoints, listTrainingJobs } from "@/lib/training/jobs-service";
import { storedConfigOrNull, trainingJobLinks } from "@/lib/training/job-context";
import { JobSummary } from "@/components/training/job-summary";
import { fmtTime } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export default async function TrainingJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The event position first, then the data: the stream continues from there, so nothing falls between.
  const afterSeq = await latestSeq(db());
  const job = await db().trainingJob.findUnique({ where: { id } });
  if (!job) notFound();
  const [points, checkpoints, all, links, notes] = await Promise.all([listMetricPoints(db(), [id]), listCheckpoints(db(), id), listTrainingJobs(db(), 50), trainingJobLinks(db(), job), listJobNotes(db(), id)]);
  const others = all.filter((j) => j.id !== id).map((j) => ({ id: j.id, name: j.name, status: j.status, createdAt: j.createdAt.toISOString() }));
  return (
    <>
      <p><Link href="/training">← Training</Link></p>
      <h1>{job.name}</h1>
      <p className="muted" style={{ overflowWrap: "anywhere" }}>
        <code>{job.id}</code> · {job.kind.toUpperCase()} · {job.backend} · created {fmtTime(job.createdAt)}
        {job.externalId ? <> · <code>{job.externalId}</code></> : null}
      </p>
      <JobSummary config={storedConfigOrNull(job)?.train ?? null} links={links} />
      <JobView
        job={{ id: job.id, name: job.name, status: job.status, error: job.error, logTail: job.logTail, command: job.command }}
        afterSeq={afterSeq}
        points={points.map(({ step, name, value }) => ({ step, name, value }))}
        checkpoints={checkpoints}
        notes={notes}
        others={others}
      />
    </>
  );
}
