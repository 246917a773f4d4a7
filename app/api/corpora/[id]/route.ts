import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { corpusLanguageStats, getCorpus } from "@/lib/corpora/queries";
import { deleteCorpus } from "@/lib/corpora/delete-corpus";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req, { params }: Ctx) => {
  const { id } = await params;
  const corpus = await getCorpus(db(), id);
  return { corpus, languages: await corpusLanguageStats(db(), id) };
});

export const DELETE = route(async (_req, { params }: Ctx) => {
  await deleteCorpus(db(), (await params).id);
  return new Response(null, { status: 204 });
});
