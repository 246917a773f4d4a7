import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { topicEventResponse } from "@/lib/events/topic-stream";
import { getTrainingJob } from "@/lib/training/jobs-service";
import { trainingTopic } from "@/lib/training/topic";

export const dynamic = "force-dynamic";

export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const job = await getTrainingJob(db(), (await params).id);
  return topicEventResponse(req, db(), trainingTopic(job.id));
});
