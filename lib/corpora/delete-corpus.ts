import "server-only";
import fs from "node:fs/promises";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { cancelJob } from "@/lib/jobs/queue";
import type { StoredCorpusOptions } from "./options";

/** Deletes a corpus with its files and snippets (runs keep existing, without their corpus); a running import is cancelled first. */
export async function deleteCorpus(db: Db, id: string): Promise<void> {
  const corpus = await db.corpus.findUnique({ where: { id }, select: { jobId: true, options: true } });
  if (!corpus) throw new AppError("not_found:corpus", `No corpus ${id}.`);
  if (corpus.jobId) await cancelJob(db, corpus.jobId).catch(() => {});
  await db.corpus.delete({ where: { id } });
  const upload = (corpus.options as unknown as StoredCorpusOptions | null)?.upload;
  if (upload?.dir) await fs.rm(upload.dir, { recursive: true, force: true }).catch(() => {});
}
