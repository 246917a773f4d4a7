import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getJob, jobTopic } from "@/lib/jobs/queue";
import { topicEventResponse } from "@/lib/events/topic-stream";

export const dynamic = "force-dynamic";

export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const job = await getJob(db(), (await params).id);
  return topicEventResponse(req, db(), jobTopic(job.id));
});
