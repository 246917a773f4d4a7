import "server-only";
import type { Db } from "@/lib/db/client";

export async function getOverviewCounts(db: Db) {
  const [corpora, runs, samples, jobsActive, trainingJobs, evaluations, endpoints] = await Promise.all([
    db.corpus.count(),
    db.run.count(),
    db.sample.count(),
    db.job.count({ where: { status: { in: ["queued", "running"] } } }),
    db.trainingJob.count(),
    db.evaluation.count({ where: { reference: false } }),
    db.modelEndpoint.count(),
  ]);
  return { corpora, runs, samples, jobsActive, trainingJobs, evaluations, endpoints };
}
