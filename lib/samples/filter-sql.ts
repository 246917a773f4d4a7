import "server-only";
import type { Dialect } from "@/lib/db/client";
import { NOT_FAILING_VERDICTS } from "@/lib/pipeline/verify/verdicts";
import type { SampleFilter } from "./sample-filter";

/** A WHERE clause over `"Sample" s` with `$n` placeholders (lib/db/raw rewrites them for SQLite). */
export interface SqlWhere {
  sql: string;
  params: unknown[];
}

/** Collects `$n` parameters while a statement is built. */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(start: unknown[] = []) {
    this.values.push(...start);
  }
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
  list(vs: readonly unknown[]): string {
    return vs.map((v) => this.add(v)).join(", ");
  }
}

// The trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) needs three characters.
const MIN_INDEXED_QUERY = 3;

export function escapeLike(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 phrase: the trigram tokenizer then matches it as a substring. */
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

export function sampleWhere(filter: SampleFilter, dialect: Dialect, p: SqlParams): string {
  const and: string[] = [];
  if (filter.runId) and.push(`s."runId" = ${p.add(filter.runId)}`);
  if (filter.language) and.push(`s."language" IN (${p.list(filter.language)})`);
  if (filter.part) and.push(partSql(filter.part, p));
  if (filter.curation) and.push(`s."curation" IN (${p.list(filter.curation)})`);
  if (filter.verdict) and.push(verdictSql(filter.verdict, p));
  if (filter.minScore !== undefined) and.push(`s."score" >= ${p.add(filter.minScore)}`);
  if (filter.maxScore !== undefined) and.push(`s."score" <= ${p.add(filter.maxScore)}`);
  // SQLite keeps booleans as 0/1 and its driver binds no booleans.
  if (filter.filtered) and.push(`s."filtered" = ${p.add(dialect === "sqlite" ? Number(filter.filtered === "only") : filter.filtered === "only")}`);
  if (filter.q) and.push(searchSql(filter.q, dialect, p));
  return and.length ? and.join(" AND ") : "1 = 1";
}

/**
 * Ds4 is not a part a sample is stored with: its pairs (DpoPair) hang off the query sample they
 * were sampled for, so "ds4" selects the samples that have pairs.
 */
function partSql(parts: readonly string[], p: SqlParams): string {
  const stored = parts.filter((x) => x !== "ds4");
  const or = stored.length ? [`s."part" IN (${p.list(stored)})`] : [];
  if (parts.includes("ds4")) or.push(`EXISTS (SELECT 1 FROM "DpoPair" dp WHERE dp."sampleId" = s."id")`);
  return `(${or.join(" OR ")})`;
}

function verdictSql(verdicts: readonly string[], p: SqlParams): string {
  const or: string[] = [];
  const exact = verdicts.filter((v) => v !== "failed" && v !== "none" && v !== "stub_unavailable");
  if (exact.length) or.push(`s."verdict" IN (${p.list(exact)})`);
  // the same group as failsOwnTests (lib/pipeline/verify/verdicts): what export leaves out by default
  if (verdicts.includes("failed")) or.push(`(s."verdict" IS NOT NULL AND s."verdict" NOT IN (${p.list(NOT_FAILING_VERDICTS)}))`);
  if (verdicts.includes("none")) or.push(`s."verdict" IS NULL`);
  if (verdicts.includes("stub_unavailable")) or.push(`s."stubCheck" = ${p.add("unavailable")}`);
  return `(${or.join(" OR ")})`;
}

function searchSql(q: string, dialect: Dialect, p: SqlParams): string {
  if (dialect === "sqlite" && [...q].length >= MIN_INDEXED_QUERY) {
    return `s.rowid IN (SELECT rowid FROM "SampleSearch" WHERE "SampleSearch" MATCH ${p.add(ftsPhrase(q))})`;
  }
  const like = p.add(escapeLike(q));
  const op = dialect === "sqlite" ? "LIKE" : "ILIKE";
  return `(s."instruction" ${op} ${like} ESCAPE '\\' OR s."solution" ${op} ${like} ESCAPE '\\')`;
}
