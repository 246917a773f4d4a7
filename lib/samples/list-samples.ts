import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";
import { rawQuery } from "@/lib/db/raw";
import { decodeCursor, encodeCursor, type Cursor, type SampleSort } from "./cursor";
import { SqlParams, escapeLike, sampleWhere } from "./filter-sql";
import type { SampleFilter } from "./sample-filter";
import type { SamplePage, SampleRow } from "./types";

export interface ListOptions {
  sort?: SampleSort;
  cursor?: string | null;
  limit?: number;
  /** Also count all matching samples (one more query; the table asks on its first page). */
  withTotal?: boolean;
}

export const MAX_PAGE = 500;
const PREVIEW_CHARS = 160;

/**
 * One page of the samples table, by keyset: the next page starts after the last row's sort
 * key, so page 1000 costs what page 1 does (no OFFSET).
 */
export async function listSamples(db: Db, filter: SampleFilter, opts: ListOptions = {}): Promise<SamplePage> {
  const sort = opts.sort ?? "new";
  const limit = Math.min(Math.max(1, opts.limit ?? 100), MAX_PAGE);
  const dialect = dialectOfDb(db);
  const cursor = opts.cursor ? decodeCursor(opts.cursor, sort) : null;
  const order = sort === "score" ? `s."score" DESC NULLS LAST, s."id" DESC` : `s."id" DESC`;
  const rows = (await searchRecentWindow(db, filter, cursor, order, limit)) ?? (await pageQuery(db, filter, cursor, order, limit));
  const items = rows.slice(0, limit).map(toRow);
  const last = items[items.length - 1];
  const page: SamplePage = {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ sort, id: last.id, score: last.score }) : null,
  };
  if (opts.withTotal) page.total = await countSamples(db, filter);
  return page;
}

const COLUMNS = `s."id", s."runId", s."part", s."language", s."score", s."verdict", s."stubCheck", s."curation", s."filtered"`;
const SELECT = `SELECT ${COLUMNS}, r."name" AS "runName", substr(s."instruction", 1, ${PREVIEW_CHARS}) AS "preview"`;

async function pageQuery(db: Db, filter: SampleFilter, cursor: Cursor | null, order: string, limit: number) {
  const p = new SqlParams();
  const where = [sampleWhere(filter, dialectOfDb(db), p)];
  if (cursor) where.push(afterCursor(cursor, p));
  return rawQuery<Record<string, unknown>>(
    db,
    `${SELECT} FROM "Sample" s JOIN "Run" r ON r."id" = s."runId" WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${limit + 1}`,
    p.values,
  );
}

// A common search word matches thousands of samples: the trigram index then finds them all and
// sorting them costs ~100 ms at 100 000 samples, while a plain scan of the newest rows fills a
// page in a few. So SQLite first scans a window of the next WINDOW candidate rows (all other
// filters applied, in page order); a full page from it is exactly the page the index would give.
// Otherwise (a rarer word) the index answers. ASCII only, where LIKE and the index fold case alike.
const WINDOW = 4000;

async function searchRecentWindow(db: Db, filter: SampleFilter, cursor: Cursor | null, order: string, limit: number) {
  if (!filter.q || dialectOfDb(db) !== "sqlite" || !/^[\x20-\x7e]+$/.test(filter.q)) return null;
  const p = new SqlParams();
  const where = [sampleWhere({ ...filter, q: undefined }, "sqlite", p)];
  if (cursor) where.push(afterCursor(cursor, p));
  const like = p.add(escapeLike(filter.q));
  const rows = await rawQuery<Record<string, unknown>>(
    db,
    `${SELECT} FROM (SELECT ${COLUMNS}, s."instruction", s."solution" FROM "Sample" s WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${WINDOW}) s
       JOIN "Run" r ON r."id" = s."runId"
      WHERE (s."instruction" LIKE ${like} ESCAPE '\\' OR s."solution" LIKE ${like} ESCAPE '\\')
      ORDER BY ${order} LIMIT ${limit + 1}`,
    p.values,
  );
  return rows.length > limit ? rows : null;
}

export async function countSamples(db: Db, filter: SampleFilter): Promise<number> {
  const p = new SqlParams();
  const [row] = await rawQuery<{ n: unknown }>(db, `SELECT COUNT(*) AS "n" FROM "Sample" s WHERE ${sampleWhere(filter, dialectOfDb(db), p)}`, p.values);
  return Number(row?.n ?? 0);
}

function afterCursor(c: Cursor, p: SqlParams): string {
  if (c.sort === "new") return `s."id" < ${p.add(c.id)}`;
  if (c.score === null || c.score === undefined) return `(s."score" IS NULL AND s."id" < ${p.add(c.id)})`;
  const score = p.add(c.score);
  return `(s."score" < ${score} OR (s."score" = ${score} AND s."id" < ${p.add(c.id)}) OR s."score" IS NULL)`;
}

function toRow(r: Record<string, unknown>): SampleRow {
  return {
    id: String(r.id),
    runId: String(r.runId),
    runName: String(r.runName),
    part: String(r.part),
    language: String(r.language),
    preview: String(r.preview ?? ""),
    score: r.score === null || r.score === undefined ? null : Number(r.score),
    verdict: (r.verdict as string | null) ?? null,
    stubCheck: (r.stubCheck as string | null) ?? null,
    curation: String(r.curation),
    filtered: r.filtered === true || Number(r.filtered) === 1,
  };
}
