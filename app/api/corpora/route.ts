import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { addCorpus } from "@/lib/corpora/add-corpus";
import { listCorpora } from "@/lib/corpora/queries";

export const dynamic = "force-dynamic";

export const GET = route(async () => ({ corpora: await listCorpora(db()) }));

const body = z.object({
  name: z.string().max(200).optional(),
  source: z.string().min(1).max(4000),
  options: z.record(z.string(), z.unknown()).optional(),
});

/** Adds a corpus from a server path or an http(s) URL; the import runs as a job. */
export const POST = route(async (req) => {
  const input = await readJson(req, body);
  const { corpus, jobId } = await addCorpus(db(), input);
  return Response.json({ corpus: { id: corpus.id, name: corpus.name, status: corpus.status }, jobId }, { status: 201 });
});
