import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isIngestLanguage, INGEST_LANGUAGES } from "@/lib/pipeline/ingest/languages";

/**
 * The per-file language override after an import: the file and its snippets take the new
 * label (one transaction). The snippets keep their boundaries; to split them with the new
 * language's parser, re-import with a language override instead.
 */
export async function relabelFile(db: Db, corpusId: string, fileId: string, language: string): Promise<{ snippets: number }> {
  if (!isIngestLanguage(language)) throw new AppError("invalid:language", `Unknown language "${language}"; use one of ${INGEST_LANGUAGES.join(", ")}.`);
  const file = await db.corpusFile.findFirst({ where: { id: fileId, corpusId }, select: { id: true } });
  if (!file) throw new AppError("not_found:file", `No file ${fileId} in corpus ${corpusId}.`);
  const [, updated] = await db.$transaction([
    db.corpusFile.update({ where: { id: fileId }, data: { language, languageSource: "relabel" } }),
    db.snippet.updateMany({ where: { fileId, corpusId }, data: { language } }),
  ]);
  return { snippets: updated.count };
}
