import "server-only";
import { dialectOfDb, type Db } from "@/lib/db/client";
import { jsonbText } from "@/lib/db/pg-text-args";

/**
 * Hand-written SQL for the few hot paths (job claims, event appends) where Prisma's
 * per-query cost dominates. Placeholders are written `$1, $2…` and rewritten to `?` for
 * SQLite; Dates are sent in the text form Prisma itself stores in SQLite.
 */
export function sqliteTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

function forDialect(db: Db, sql: string, params: unknown[]): [string, unknown[]] {
  if (dialectOfDb(db) !== "sqlite") {
    // a string cast to jsonb is JSON text: its escaped NULs too must become storable
    const jsonb = new Set([...sql.matchAll(/\$(\d+)::jsonb/g)].map((m) => Number(m[1]) - 1));
    return [sql, jsonb.size ? params.map((p, i) => (jsonb.has(i) && typeof p === "string" ? jsonbText(p) : p)) : params];
  }
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)(::\w+)?/g, (_m, n) => (order.push(Number(n) - 1), "?"));
  return [text, order.map((i) => (params[i] instanceof Date ? sqliteTimestamp(params[i] as Date) : params[i]))];
}

export async function rawQuery<T = Record<string, unknown>>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  const [text, args] = forDialect(db, sql, params);
  return db.$queryRawUnsafe<T[]>(text, ...args);
}

/** Runs a statement; returns the number of rows it changed. */
export async function rawExecute(db: Db, sql: string, params: unknown[]): Promise<number> {
  const [text, args] = forDialect(db, sql, params);
  return db.$executeRawUnsafe(text, ...args);
}

export function asDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(String(v));
}

export function asJson(v: unknown): unknown {
  return typeof v === "string" ? JSON.parse(v) : v;
}
