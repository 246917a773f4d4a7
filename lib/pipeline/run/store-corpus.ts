import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Stores snippets given to a run (from the CLI's --corpus or the API) as a Corpus with its
 * files and Snippets, so that a run always references a corpus. Exact duplicates are kept but
 * marked dropped, as the corpus ingest does. Snippet ids keep the input order.
 */

export interface SnippetInput {
  content: string;
  language: string;
  path?: string;
  startLine?: number;
}

export interface SkippedFile {
  path: string;
  bytes: number;
  reason: string;
}

export interface StoreCorpusInput {
  name: string;
  source: string;
  snippets: SnippetInput[];
  skipped?: SkippedFile[];
}

const CHUNK = 500;

export async function storeCorpus(db: Db, input: StoreCorpusInput): Promise<{ corpusId: string; snippets: number; duplicates: number }> {
  if (input.snippets.length === 0) throw new AppError("invalid:corpus", `No code snippets found in ${input.source}.`);
  const corpus = await db.corpus.create({ data: { name: input.name, source: input.source, status: "ingesting" } });
  const files = new Map<string, { id: string; path: string; language: string; bytes: number }>();
  for (const s of input.snippets) {
    if (!s.path) continue;
    const f = files.get(s.path) ?? { id: `${corpus.id}:f${files.size}`, path: s.path, language: s.language, bytes: 0 };
    f.bytes += Buffer.byteLength(s.content);
    files.set(s.path, f);
  }
  const seen = new Map<string, string>();
  let duplicates = 0;
  const rows = input.snippets.map((s, i) => {
    const id = `${corpus.id}:${String(i).padStart(7, "0")}`;
    const hash = createHash("sha256").update(s.content.trim()).digest("hex");
    const first = seen.get(hash);
    if (first) duplicates++;
    else seen.set(hash, id);
    return {
      id,
      corpusId: corpus.id,
      fileId: s.path ? files.get(s.path)!.id : null,
      language: s.language,
      content: s.content,
      tokens: Math.ceil(s.content.length / 4),
      startLine: s.startLine ?? 1,
      hash,
      dropped: first ? "exact-dup" : null,
      droppedRef: first ?? null,
    };
  });
  const skipped = (input.skipped ?? []).map((f, i) => ({ id: `${corpus.id}:s${i}`, corpusId: corpus.id, path: f.path, language: null, bytes: f.bytes, skipped: f.reason }));
  await db.corpusFile.createMany({ data: [...[...files.values()].map((f) => ({ ...f, corpusId: corpus.id })), ...skipped] });
  for (let i = 0; i < rows.length; i += CHUNK) await db.snippet.createMany({ data: rows.slice(i, i + CHUNK) });
  const report = { snippets: rows.length, duplicates, files: files.size, skippedFiles: skipped.length };
  await db.corpus.update({ where: { id: corpus.id }, data: { status: "ready", report } });
  return { corpusId: corpus.id, snippets: rows.length, duplicates };
}
