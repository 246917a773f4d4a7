import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getRunSnapshot, SNAPSHOT_MESSAGES } from "@/lib/pipeline/run/run-snapshot";

export const dynamic = "force-dynamic";

/**
 * The run view's state as of the newest event (`lastSeq`); follow /api/runs/:id/events?lastEventId=lastSeq
 * from there. `?messages=N` (0–300) bounds the discussion messages it carries: the stage poller asks for none.
 */
export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const asked = req.nextUrl.searchParams.get("messages");
  const messages = asked === null ? undefined : Math.min(SNAPSHOT_MESSAGES, Math.max(0, Number.parseInt(asked, 10) || 0));
  return getRunSnapshot(db(), (await params).id, { messages });
});
