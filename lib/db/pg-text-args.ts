import type { PrismaPg } from "@prisma/adapter-pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
type Queryable = Pick<Adapter, "queryRaw" | "executeRaw">;

/** What PostgreSQL stores in place of a NUL character, which its text and jsonb types refuse. */
export const NUL_STAND_IN = "\u2400";

/** A JSON text's escaped NUL (`\u0000` preceded by an even number of backslashes), not a literal backslash-u. */
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * The query's arguments as PostgreSQL accepts them: a NUL character in a string becomes "␀", and
 * in a JSON argument so does an escaped one. SQLite stores NUL; PostgreSQL fails the whole write
 * ("invalid byte sequence for encoding UTF8: 0x00"), so one model answer or program output with
 * a NUL byte would lose every row of its batch.
 */
export function pgSafeArgs(query: Query): Query {
  let changed = false;
  const args = query.args.map((arg, i) => {
    const fixed = fixArg(arg, query.argTypes[i]?.scalarType === "json");
    if (fixed !== arg) changed = true;
    return fixed;
  });
  return changed ? { ...query, args } : query;
}

/**
 * A JSON text for a jsonb parameter sent as a string (hand-written SQL casting `$n::jsonb`): its
 * escaped NULs as "␀". The adapter cannot tell such a string from text, where `\u0000` may be a
 * program's own characters (Java's '\u0000') and is kept.
 */
export function jsonbText(json: string): string {
  return json.includes("\\u0000") ? json.replace(ESCAPED_NUL, `$1${NUL_STAND_IN}`) : json;
}

function fixArg(arg: unknown, json: boolean): unknown {
  if (typeof arg === "string") {
    const s = arg.includes("\0") ? arg.replaceAll("\0", NUL_STAND_IN) : arg;
    return json ? jsonbText(s) : s;
  }
  if (Array.isArray(arg)) {
    const out = arg.map((a) => fixArg(a, json));
    return out.some((a, i) => a !== arg[i]) ? out : arg;
  }
  return arg;
}

function safeQueries<Q extends Queryable>(q: Q): Q {
  const queryRaw = q.queryRaw.bind(q);
  const executeRaw = q.executeRaw.bind(q);
  q.queryRaw = (query) => queryRaw(pgSafeArgs(query));
  q.executeRaw = (query) => executeRaw(pgSafeArgs(query));
  return q;
}

/** The PostgreSQL adapter with every query's arguments made storable (pgSafeArgs), in transactions too. */
export class PgTextSafe {
  readonly provider: PrismaPg["provider"];
  readonly adapterName: string;
  constructor(private readonly inner: PrismaPg) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  connect = async () => this.wrap(await this.inner.connect());
  connectToShadowDb = async () => this.wrap(await this.inner.connectToShadowDb());
  private wrap(adapter: Adapter): Adapter {
    safeQueries(adapter);
    const begin = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => safeQueries(await begin(isolationLevel));
    return adapter;
  }
}
