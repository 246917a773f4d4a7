import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getTrainingJob, listCheckpoints, listMetricPoints, publicJob } from "@/lib/training/jobs-service";

export const dynamic = "force-dynamic";

export const GET = route(async (_req, { params }: { params: Promise<{ id: string }> }) => {
  const job = await getTrainingJob(db(), (await params).id);
  const [points, checkpoints] = await Promise.all([listMetricPoints(db(), [job.id]), listCheckpoints(db(), job.id)]);
  return { job: publicJob(job), checkpoints, points: points.map(({ step, name, value }) => ({ step, name, value })) };
});
