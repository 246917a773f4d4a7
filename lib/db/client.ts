import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PgClient } from "@/lib/db/generated/pg/client";
import { env } from "@/lib/env";
import { PgTextSafe } from "@/lib/db/pg-text-args";

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

/**
 * SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE). Prisma's
 * adapter opens them deferred: one that reads and then writes, while another process (the web
 * server, a second worker) commits in between, fails at once with SQLITE_BUSY_SNAPSHOT, which no
 * busy timeout retries. Begun immediate, it waits for the lock (busy timeout) and then cannot
 * be overtaken. Every transaction of ours writes, so none loses concurrency by this.
 */
class ImmediateTransactions {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  constructor(private readonly inner: PrismaBetterSqlite3) {
    this.adapterName = inner.adapterName;
  }
  connect = async () => this.immediate(await this.inner.connect());
  connectToShadowDb = async () => this.immediate(await this.inner.connectToShadowDb());
  private immediate<A extends Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>>(adapter: A): A {
    const begin = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      // The adapter holds its connection's mutex and has run a deferred BEGIN: nothing was read yet.
      const tx = await begin(isolationLevel);
      const connection = (tx as unknown as { client: { prepare(sql: string): { run(): unknown } } }).client;
      try {
        connection.prepare("ROLLBACK").run();
        connection.prepare("BEGIN IMMEDIATE").run();
      } catch (e) {
        try { connection.prepare("ROLLBACK").run(); } catch { /* no transaction was open */ }
        await tx.rollback(); // releases the mutex
        throw e;
      }
      return tx;
    };
    return adapter;
  }
}

export function createDb(url: string): Db {
  const client = url.startsWith("file:")
    ? new SqliteClient({ adapter: new ImmediateTransactions(new PrismaBetterSqlite3({ url, timeout: 30_000 })) })
    : (new PgClient({ adapter: new PgTextSafe(new PrismaPg({ connectionString: url, max: 10 })) }) as unknown as Db);
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
