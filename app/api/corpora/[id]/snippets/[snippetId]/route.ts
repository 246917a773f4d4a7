import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getSnippet } from "@/lib/corpora/queries";

export const dynamic = "force-dynamic";

export const GET = route(async (_req, { params }: { params: Promise<{ id: string; snippetId: string }> }) => {
  const { id, snippetId } = await params;
  return { snippet: await getSnippet(db(), id, snippetId) };
});
