import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getRunAgent } from "@/lib/pipeline/run/run-queries";

export const dynamic = "force-dynamic";

/** One agent: profile, operations, memory (with evictions) and reflections. Its events carry its runtimeId. */
export const GET = route(async (_req, { params }: { params: Promise<{ id: string; agentId: string }> }) => {
  const { id, agentId } = await params;
  return { agent: await getRunAgent(db(), id, agentId) };
});
