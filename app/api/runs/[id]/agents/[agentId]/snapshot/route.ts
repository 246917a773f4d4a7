import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getAgentSnapshot } from "@/lib/pipeline/run/agent-snapshot";

export const dynamic = "force-dynamic";

/** One agent's inspector state (memory queue, evictions, rejections, reflections) as of `lastSeq`; follow /api/runs/:id/events?lastEventId=lastSeq from there. */
export const GET = route(async (_req, { params }: { params: Promise<{ id: string; agentId: string }> }) => {
  const { id, agentId } = await params;
  return getAgentSnapshot(db(), id, decodeURIComponent(agentId));
});
