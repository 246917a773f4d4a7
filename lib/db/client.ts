import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/lib/db/generated/pg/client";
import { env } from "@/lib/env";

/**
 * One Prisma client per process. Both generated clients come from the same models, so
 * the SQLite client's type describes either; the PostgreSQL one is used when
 * DATABASE_URL is a postgres URL.
 */
export type Db = InstanceType<typeof SqliteClient>;
export type Dialect = "sqlite" | "postgresql";

const globalForDb = globalThis as unknown as { xinstructDb?: { db: Db; url: string } };

// On globalThis: Next bundles this module once per route, and the client itself is shared
// through globalThis, so its dialect must be too.
const dialects: WeakMap<object, Dialect> = ((globalThis as unknown as { xinstructDialects?: WeakMap<object, Dialect> }).xinstructDialects ??= new WeakMap());

export function createDb(url: string): Db {
  const client = url.startsWith("file:")
    ? new SqliteClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 30_000 }) })
    : (new PgClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db);
  dialects.set(client, dialectOf(url));
  return client;
}

/** The dialect of a client made by createDb (hot paths use hand-written SQL per dialect). */
export function dialectOfDb(client: Db): Dialect {
  const d = dialects.get(client);
  if (!d) throw new Error("database client was not created by createDb");
  return d;
}

export function dialectOf(url: string): Dialect {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

export function db(): Db {
  const url = env().databaseUrl;
  if (!globalForDb.xinstructDb || globalForDb.xinstructDb.url !== url) {
    globalForDb.xinstructDb = { db: createDb(url), url };
  }
  return globalForDb.xinstructDb.db;
}

/** SQLite needs WAL and a busy timeout for several processes (web + workers) to share it. */
export async function prepareConnection(client: Db, url: string): Promise<void> {
  if (dialectOf(url) === "sqlite") {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA busy_timeout = 30000");
    await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  }
}
