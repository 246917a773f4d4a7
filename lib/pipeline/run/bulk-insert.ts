import "server-only";
import { jsonbText } from "@/lib/db/pg-text-args";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";

/**
 * Multi-row INSERTs for the run's hot path. Prisma's createMany costs about 0.5-1 ms of CPU
 * per row here (query planning and data mapping in JS), several times the database's own
 * work; at hundreds of steps per second with ~15 rows each that alone would cap throughput.
 * This writes the same rows in the format Prisma reads back (SQLite: ISO dates with offset,
 * JSON as text, booleans as 0/1; PostgreSQL: explicit casts), inside the caller's transaction.
 * No yielding between statements on SQLite: better-sqlite3 waits for a lock synchronously, so
 * a second connection in the same process would block the thread that holds the lock.
 */

export type Dialect = "sqlite" | "postgresql";
type ColumnType = "text" | "json" | "int" | "float" | "bool" | "date";
export type TableSpec = { table: string; columns: [string, ColumnType][] };

export const TABLES = {
  event: { table: "Event", columns: [["topic", "text"], ["type", "text"], ["data", "json"], ["createdAt", "date"]] },
  runStep: { table: "RunStep", columns: [["id", "text"], ["runId", "text"], ["key", "text"], ["stage", "text"], ["status", "text"], ["output", "json"], ["usage", "json"], ["error", "text"], ["createdAt", "date"]] },
  agent: { table: "Agent", columns: [["id", "text"], ["runId", "text"], ["language", "text"], ["profile", "text"], ["operations", "json"], ["seedSampleId", "text"], ["createdAt", "date"]] },
  sample: {
    table: "Sample",
    columns: [["id", "text"], ["runId", "text"], ["stepKey", "text"], ["part", "text"], ["language", "text"], ["instruction", "text"], ["solution", "text"], ["tests", "text"], ["snippetId", "text"], ["agentId", "text"], ["score", "float"], ["scores", "json"], ["justification", "text"], ["filtered", "bool"], ["filterReason", "text"], ["createdAt", "date"], ["updatedAt", "date"]],
  },
  memoryEntry: { table: "MemoryEntry", columns: [["id", "text"], ["agentId", "text"], ["sampleId", "text"], ["score", "float"], ["insertedAt", "date"]] },
  reflection: { table: "Reflection", columns: [["id", "text"], ["agentId", "text"], ["sampleId", "text"], ["merits", "text"], ["faults", "text"], ["advice", "text"], ["createdAt", "date"]] },
  message: { table: "Message", columns: [["id", "text"], ["runId", "text"], ["discussionId", "text"], ["agentId", "text"], ["role", "text"], ["language", "text"], ["content", "text"], ["createdAt", "date"]] },
} satisfies Record<string, TableSpec>;

const PG_CAST: Record<ColumnType, string> = { text: "", json: "::jsonb", int: "::integer", float: "::double precision", bool: "::boolean", date: "::timestamp(3)" };
const MAX_PARAMS = 30_000;

export function dialectOf(db: Db): Dialect {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

function encode(value: unknown, type: ColumnType, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "json":
      return dialect === "sqlite" ? JSON.stringify(value) : jsonbText(JSON.stringify(value));
    case "bool":
      return dialect === "sqlite" ? (value ? 1 : 0) : Boolean(value);
    case "date": {
      const iso = (value instanceof Date ? value : new Date(value as string)).toISOString();
      return dialect === "sqlite" ? iso.replace("Z", "+00:00") : iso;
    }
    default:
      return value;
  }
}

/** Inserts rows (objects keyed by column name; missing keys are NULL, `createdAt`-like dates default to now). */
export async function bulkInsert(tx: Prisma.TransactionClient, dialect: Dialect, spec: TableSpec, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  const cols = spec.columns;
  const perChunk = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  const names = cols.map(([c]) => `"${c}"`).join(", ");
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const args: unknown[] = [];
    const tuples = chunk.map((row) => {
      const r = row as Record<string, unknown>;
      const marks = cols.map(([c, type]) => {
        args.push(encode(r[c] === undefined && type === "date" ? now : r[c], type, dialect));
        return dialect === "sqlite" ? "?" : `$${args.length}${PG_CAST[type]}`;
      });
      return `(${marks.join(", ")})`;
    });
    await tx.$executeRawUnsafe(`INSERT INTO "${spec.table}" (${names}) VALUES ${tuples.join(", ")}`, ...args);
  }
}
