import fs from "node:fs/promises";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { addCorpus } from "@/lib/corpora/add-corpus";
import { corporaConfig } from "@/lib/corpora/config";
import { saveUpload } from "@/lib/corpora/save-upload";

export const dynamic = "force-dynamic";

const query = z.object({
  filename: z.string().min(1, "filename is required").max(500),
  name: z.string().max(200).optional(),
  options: z.string().max(20_000).optional(),
});

/**
 * The file is the raw request body (what XMLHttpRequest.send(file) sends, with upload
 * progress), streamed to disk under a size cap; name and options come in the query string.
 */
export const POST = route(async (req) => {
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  let options: unknown;
  try {
    options = q.options ? JSON.parse(q.options) : undefined;
  } catch {
    throw new AppError("invalid:json", "options is not valid JSON.");
  }
  const cfg = corporaConfig();
  const declared = req.headers.get("content-length");
  const upload = await saveUpload(req.body, { dir: cfg.uploadsDir, filename: q.filename, maxBytes: cfg.maxUploadBytes, expectedBytes: declared ? Number(declared) : undefined });
  try {
    const { corpus, jobId } = await addCorpus(db(), { name: q.name, upload, options: options as never });
    return Response.json({ corpus: { id: corpus.id, name: corpus.name, status: corpus.status }, jobId, bytes: upload.bytes }, { status: 201 });
  } catch (e) {
    await fs.rm(upload.dir, { recursive: true, force: true });
    throw e;
  }
});
