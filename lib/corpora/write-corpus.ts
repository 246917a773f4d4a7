import "server-only";
import Database from "better-sqlite3";
import { dialectOfDb, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IngestResult } from "@/lib/pipeline/ingest";

export interface WriteOptions {
  /** Rows per INSERT statement (PostgreSQL). */
  chunkSize?: number;
  /** PostgreSQL transaction timeout; a large corpus on a slow disk needs minutes. */
  timeoutMs?: number;
  /** Called after each chunk of snippets inside the transaction (tests inject faults here). */
  afterChunk?: (written: number, total: number) => void;
}

/**
 * Row ids derived from the corpus id and the position: a retried write produces the same rows,
 * no id generator runs per row, and ordering by id is extraction order (zero-padded).
 */
const pad = (i: number) => String(i).padStart(8, "0");
export const fileRowId = (corpusId: string, i: number) => `${corpusId}-f${pad(i)}`;
export const snippetRowId = (corpusId: string, i: number) => `${corpusId}-s${pad(i)}`;

type Row = (string | number | null)[];

// PostgreSQL refuses NUL in text; the ingest already skips content with NUL, but a JSONL
// "path" field may still carry one.
const clean = (s: string) => (s.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s);

const FILE_COLS = ["id", "corpusId", "path", "language", "languageSource", "bytes"];
const FILE_TYPES = ["text", "text", "text", "text", "text", "int"];
const SNIPPET_COLS = ["id", "corpusId", "fileId", "language", "content", "tokens", "startLine", "endLine", "hash"];
const SNIPPET_TYPES = ["text", "text", "text", "text", "text", "int", "int", "int", "text"];
const quoted = (cols: string[]) => cols.map((c) => `"${c}"`).join(", ");

function toRows(corpusId: string, result: IngestResult) {
  const fileIds = new Map<string, string>();
  const files: Row[] = result.files.map((f, i) => {
    const id = fileRowId(corpusId, i);
    fileIds.set(f.path, id);
    return [id, corpusId, clean(f.path), f.language, f.languageSource, f.bytes];
  });
  const snippet = (i: number): Row => {
    const s = result.snippets[i];
    return [snippetRowId(corpusId, i), corpusId, fileIds.get(s.path) ?? null, s.language, s.content, s.tokens, s.startLine, s.endLine, s.hash];
  };
  return { files, snippet, count: result.snippets.length };
}

/**
 * Writes an ingest result in ONE transaction: the corpus's files, its kept snippets and the
 * report, and flips the corpus to `ready`. Any failure rolls everything back, so a corpus is
 * either complete or has no rows at all. Dropped snippets (duplicates, contaminated) are not
 * stored as rows: the report lists each with where it came from and what it matched.
 *
 * Not Prisma's createMany: it cost ~35× a raw insert on SQLite and ~9× on PostgreSQL
 * (scripts/bench/ingest/db-write.ts), minutes for 100k snippets.
 */
export async function writeIngestResult(db: Db, corpusId: string, result: IngestResult, opts: WriteOptions = {}): Promise<void> {
  if (dialectOfDb(db) === "sqlite") await writeSqlite(db, corpusId, result, opts);
  else await writePostgres(db, corpusId, result, opts);
}

/**
 * SQLite: a connection of its own, written synchronously. Prisma's better-sqlite3 adapter runs
 * every query outside a transaction on the transaction's own connection, so during a long
 * interactive transaction the worker's other writes (heartbeats, other jobs' events and
 * results) would join it, and vanish with it on a rollback. A separate connection keeps them
 * apart (they wait on the write lock, as they would for any SQLite writer), and a synchronous
 * write lets nothing of this process interleave.
 */
async function writeSqlite(db: Db, corpusId: string, result: IngestResult, opts: WriteOptions): Promise<void> {
  const [main] = await db.$queryRawUnsafe<{ file: string }[]>(`SELECT "file" FROM pragma_database_list WHERE "name" = 'main'`);
  const { files, snippet, count } = toRows(corpusId, result);
  const conn = new Database(main.file, { timeout: 30_000 });
  conn.pragma("synchronous = NORMAL");
  try {
    conn.exec("BEGIN IMMEDIATE");
    try {
      if (!conn.prepare(`SELECT 1 FROM "Corpus" WHERE "id" = ?`).get(corpusId))
        throw new AppError("not_found:corpus", `Corpus ${corpusId} was deleted during the import.`);
      // A previous attempt whose commit was not acknowledged may have left rows: start clean.
      conn.prepare(`DELETE FROM "Snippet" WHERE "corpusId" = ?`).run(corpusId);
      conn.prepare(`DELETE FROM "CorpusFile" WHERE "corpusId" = ?`).run(corpusId);
      const insFile = conn.prepare(`INSERT INTO "CorpusFile" (${quoted(FILE_COLS)}) VALUES (${FILE_COLS.map(() => "?").join(", ")})`);
      for (const f of files) insFile.run(f);
      const insSnippet = conn.prepare(`INSERT INTO "Snippet" (${quoted(SNIPPET_COLS)}) VALUES (${SNIPPET_COLS.map(() => "?").join(", ")})`);
      const chunk = opts.chunkSize ?? 2000;
      for (let i = 0; i < count; i++) {
        insSnippet.run(snippet(i));
        if ((i + 1) % chunk === 0 || i + 1 === count) opts.afterChunk?.(i + 1, count);
      }
      conn
        .prepare(`UPDATE "Corpus" SET "status" = 'ready', "error" = NULL, "report" = ? WHERE "id" = ?`)
        .run(JSON.stringify(result.report), corpusId);
      conn.exec("COMMIT");
    } catch (e) {
      if (conn.inTransaction) conn.exec("ROLLBACK");
      throw e;
    }
  } finally {
    conn.close();
  }
}

/** PostgreSQL: Prisma's interactive transaction holds a pooled connection of its own; one unnest INSERT per chunk. */
async function writePostgres(db: Db, corpusId: string, result: IngestResult, opts: WriteOptions): Promise<void> {
  const { files, snippet, count } = toRows(corpusId, result);
  const chunk = opts.chunkSize ?? 2000;
  await db.$transaction(
    async (tx) => {
      const insert = async (table: string, cols: string[], types: string[], rows: Row[]) => {
        const arrays = cols.map((_, k) => rows.map((r) => r[k]));
        const unnest = types.map((t, k) => `$${k + 1}::${t}[]`).join(", ");
        await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${quoted(cols)}) SELECT * FROM unnest(${unnest})`, ...arrays);
      };
      const corpus = await tx.corpus.findUnique({ where: { id: corpusId }, select: { id: true } });
      if (!corpus) throw new AppError("not_found:corpus", `Corpus ${corpusId} was deleted during the import.`);
      await tx.snippet.deleteMany({ where: { corpusId } });
      await tx.corpusFile.deleteMany({ where: { corpusId } });
      for (let i = 0; i < files.length; i += chunk) await insert("CorpusFile", FILE_COLS, FILE_TYPES, files.slice(i, i + chunk));
      for (let i = 0; i < count; i += chunk) {
        const rows: Row[] = [];
        for (let j = i; j < Math.min(count, i + chunk); j++) rows.push(snippet(j));
        await insert("Snippet", SNIPPET_COLS, SNIPPET_TYPES, rows);
        opts.afterChunk?.(Math.min(i + chunk, count), count);
      }
      await tx.corpus.update({ where: { id: corpusId }, data: { status: "ready", error: null, report: result.report as object } });
    },
    { timeout: opts.timeoutMs ?? 15 * 60_000, maxWait: 60_000 },
  );
}

