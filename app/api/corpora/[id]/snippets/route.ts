import { z } from "zod";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { assertCorpus, listSnippets } from "@/lib/corpora/queries";

export const dynamic = "force-dynamic";

const query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  language: z.string().max(20).optional(),
  fileId: z.string().max(200).optional(),
});

export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  await assertCorpus(db(), id);
  return listSnippets(db(), id, query.parse(Object.fromEntries(req.nextUrl.searchParams)));
});
