import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { topicEventResponse } from "@/lib/events/topic-stream";

export const dynamic = "force-dynamic";

export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const run = await db().run.findUnique({ where: { id }, select: { id: true } });
  if (!run) throw new AppError("not_found:run", `No run ${id}`);
  return topicEventResponse(req, db(), `run:${run.id}`);
});
