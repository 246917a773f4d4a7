import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { browseRunAgents, parseBrowseQuery } from "@/lib/pipeline/run/run-browse";

export const dynamic = "force-dynamic";

/** A page of the run's agents, filtered by `agent` (part of its id), `language` and `minScore` (best score in memory). */
export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const { rows, ...page } = await browseRunAgents(db(), (await params).id, parseBrowseQuery(req.nextUrl.searchParams));
  return { agents: rows, ...page };
});
