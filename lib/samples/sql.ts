import "server-only";
import { dialectOfDb, type Db, type Dialect } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sqliteTimestamp } from "@/lib/db/raw";

/**
 * Hand-written SQL of the samples table with `$n` placeholders, as lib/db/raw does, but the
 * dialect falls back to the configured one: inside the built app, pages and route handlers
 * get separate copies of lib/db/client, so the shared db() client may be unknown to this
 * copy's dialect registry.
 */
export function dialectFor(db: Db): Dialect {
  try {
    return dialectOfDb(db);
  } catch {
    return env().dialect;
  }
}

function forDialect(db: Db, sql: string, params: unknown[]): [string, unknown[]] {
  if (dialectFor(db) !== "sqlite") return [sql, params];
  const order: number[] = [];
  const text = sql.replace(/\$(\d+)/g, (_m, n) => (order.push(Number(n) - 1), "?"));
  return [text, order.map((i) => (params[i] instanceof Date ? sqliteTimestamp(params[i] as Date) : params[i]))];
}

export async function sqlQuery<T = Record<string, unknown>>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  const [text, args] = forDialect(db, sql, params);
  return db.$queryRawUnsafe<T[]>(text, ...args);
}

export async function sqlExecute(db: Db, sql: string, params: unknown[]): Promise<number> {
  const [text, args] = forDialect(db, sql, params);
  return db.$executeRawUnsafe(text, ...args);
}
