import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getTrainingJob } from "@/lib/training/jobs-service";
import { trainingQueuePosition } from "@/lib/training/queue-position";

export const dynamic = "force-dynamic";

/** Where a queued job stands in the queue; `position: null` once it has left it. */
export const GET = route(async (_req, { params }: { params: Promise<{ id: string }> }) => {
  const job = await getTrainingJob(db(), (await params).id);
  return { status: job.status, position: await trainingQueuePosition(db(), job.id) };
});
