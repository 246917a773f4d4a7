import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getDiscussion } from "@/lib/pipeline/run/run-queries";

export const dynamic = "force-dynamic";

/** A discussion as a conversation: contributions, critiques, the synthesis, the score, the reflection. */
export const GET = route(async (_req, { params }: { params: Promise<{ id: string; discussionId: string }> }) => {
  const { id, discussionId } = await params;
  return getDiscussion(db(), id, discussionId);
});
