import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { browseRunDiscussions, parseBrowseQuery } from "@/lib/pipeline/run/run-browse";

export const dynamic = "force-dynamic";

/** A page of the run's discussions, newest first, filtered by `agent`, `language` and `minScore` (their Ds3 sample's score). */
export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const { rows, ...page } = await browseRunDiscussions(db(), (await params).id, parseBrowseQuery(req.nextUrl.searchParams));
  return { discussions: rows, ...page };
});
