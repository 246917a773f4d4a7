import { z } from "zod";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { assertCorpus, listCorpusFiles } from "@/lib/corpora/queries";

export const dynamic = "force-dynamic";

const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  language: z.string().max(20).optional(),
});

export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await assertCorpus(db(), id);
  return listCorpusFiles(db(), id, query.parse(Object.fromEntries(req.nextUrl.searchParams)));
});
