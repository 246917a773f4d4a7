/**
 * DB write benchmark: the one-transaction write of an ingested corpus (writeIngestResult:
 * Prisma createMany in chunks) on SQLite and PostgreSQL, against a baseline measured in the
 * same run: the same rows written in one transaction straight through the driver
 * (better-sqlite3 prepared statement; pg multi-row INSERT … SELECT FROM unnest).
 *
 *   node --conditions=react-server --import tsx scripts/bench/ingest/db-write.ts [--snippets 100000] [--pg URL | --no-pg]
 *
 * Without --pg a throwaway PostgreSQL cluster is started (scripts/test/pg-cluster.mjs).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, prepareConnection, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { ingestSource, type IngestResult } from "@/lib/pipeline/ingest";
import { writeIngestResult, fileRowId, snippetRowId } from "@/lib/corpora/write-corpus";
import { generateCorpus } from "./synthetic-corpus";
// @ts-expect-error plain ESM helper without types
import { startPgCluster } from "../../test/pg-cluster.mjs";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};

function rows(corpusId: string, r: IngestResult) {
  const fileIds = new Map(r.files.map((f, i) => [f.path, fileRowId(corpusId, i)]));
  return {
    files: r.files.map((f, i) => [fileRowId(corpusId, i), corpusId, f.path, f.language, f.languageSource, f.bytes]),
    snippets: r.snippets.map((s, i) => [snippetRowId(corpusId, i), corpusId, fileIds.get(s.path) ?? null, s.language, s.content, s.tokens, s.startLine, s.endLine, s.hash]),
  };
}
const FILE_COLS = `"id","corpusId","path","language","languageSource","bytes"`;
const SNIPPET_COLS = `"id","corpusId","fileId","language","content","tokens","startLine","endLine","hash"`;

async function timeWrite(db: Db, result: IngestResult): Promise<number> {
  const corpus = await db.corpus.create({ data: { name: "bench", source: "bench", status: "ingesting" } });
  const t0 = performance.now();
  await writeIngestResult(db, corpus.id, result);
  const s = (performance.now() - t0) / 1000;
  const n = await db.snippet.count({ where: { corpusId: corpus.id } });
  if (n !== result.snippets.length) throw new Error(`wrote ${n} snippets, expected ${result.snippets.length}`);
  return s;
}

async function sqlite(result: IngestResult, dir: string) {
  const urlA = `file:${path.join(dir, "a.db")}`;
  const urlB = `file:${path.join(dir, "b.db")}`;
  await migrate(urlA);
  await migrate(urlB);
  // Baseline: better-sqlite3 directly, same schema and indexes, one transaction.
  const raw = new Database(path.join(dir, "b.db"));
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.prepare(`INSERT INTO "Corpus" ("id","name","source","status") VALUES ('c1','bench','bench','ingesting')`).run();
  const { files, snippets } = rows("c1", result);
  let t0 = performance.now();
  const insF = raw.prepare(`INSERT INTO "CorpusFile" (${FILE_COLS}) VALUES (?,?,?,?,?,?)`);
  const insS = raw.prepare(`INSERT INTO "Snippet" (${SNIPPET_COLS}) VALUES (?,?,?,?,?,?,?,?,?)`);
  raw.transaction(() => {
    for (const f of files) insF.run(...f);
    for (const s of snippets) insS.run(...s);
    raw.prepare(`UPDATE "Corpus" SET "status" = 'ready', "report" = ? WHERE "id" = 'c1'`).run(JSON.stringify(result.report));
  })();
  const baseline = (performance.now() - t0) / 1000;
  raw.close();
  const db = createDb(urlA);
  await prepareConnection(db, urlA);
  t0 = performance.now();
  const prisma = await timeWrite(db, result);
  await db.$disconnect();
  return { baseline, prisma };
}

async function postgres(result: IngestResult, url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const suffix = Date.now().toString(36);
  await admin.query(`CREATE DATABASE bench_a_${suffix}`);
  await admin.query(`CREATE DATABASE bench_b_${suffix}`);
  await admin.end();
  const urlFor = (n: string) => url.replace(/\/[^/?]*(\?|$)/, `/${n}_${suffix}$1`);
  await migrate(urlFor("bench_a"));
  await migrate(urlFor("bench_b"));
  const c = new pg.Client({ connectionString: urlFor("bench_b") });
  await c.connect();
  await c.query(`INSERT INTO "Corpus" ("id","name","source","status") VALUES ('c1','bench','bench','ingesting')`);
  const { files, snippets } = rows("c1", result);
  const col = (rs: unknown[][], i: number) => rs.map((r) => r[i]);
  let t0 = performance.now();
  await c.query("BEGIN");
  for (let i = 0; i < files.length; i += 2000) {
    const part = files.slice(i, i + 2000);
    await c.query(`INSERT INTO "CorpusFile" (${FILE_COLS}) SELECT * FROM unnest($1::text[],$2::text[],$3::text[],$4::text[],$5::text[],$6::int[])`, [0, 1, 2, 3, 4, 5].map((k) => col(part, k)));
  }
  for (let i = 0; i < snippets.length; i += 2000) {
    const part = snippets.slice(i, i + 2000);
    await c.query(`INSERT INTO "Snippet" (${SNIPPET_COLS}) SELECT * FROM unnest($1::text[],$2::text[],$3::text[],$4::text[],$5::text[],$6::int[],$7::int[],$8::int[],$9::text[])`, [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => col(part, k)));
  }
  await c.query(`UPDATE "Corpus" SET "status" = 'ready', "report" = $1::jsonb WHERE "id" = 'c1'`, [JSON.stringify(result.report)]);
  await c.query("COMMIT");
  const baseline = (performance.now() - t0) / 1000;
  await c.end();
  const db = createDb(urlFor("bench_a"));
  const prisma = await timeWrite(db, result);
  await db.$disconnect();
  return { baseline, prisma };
}

async function main() {
  const total = Number(arg("snippets", "100000"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-dbwrite-"));
  try {
    const { records } = generateCorpus({ total, exactCopies: 0, nearCopies: 0, contaminations: 0 }, []);
    const file = path.join(dir, "corpus.jsonl");
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const result = await ingestSource(file, { dedup: false });
    const mib = result.snippets.reduce((a, s) => a + Buffer.byteLength(s.content), 0) / 1024 / 1024;
    const reportMiB = Buffer.byteLength(JSON.stringify(result.report)) / 1024 / 1024;
    console.log(`db write benchmark: ${result.snippets.length} snippets (${mib.toFixed(1)} MiB of code) from ${result.files.length} files, report ${reportMiB.toFixed(2)} MiB, ${os.cpus().length} CPUs, node ${process.version}`);
    const fmt = (r: { baseline: number; prisma: number }) => `${r.prisma.toFixed(2)} s = ${(r.prisma / r.baseline).toFixed(2)}× baseline (raw driver, one transaction: ${r.baseline.toFixed(2)} s)`;
    console.log(`  SQLite      writeIngestResult: ${fmt(await sqlite(result, dir))}`);
    if (!process.argv.includes("--no-pg")) {
      let url = arg("pg", "");
      const cluster = url ? null : await startPgCluster();
      url ||= cluster.url;
      try {
        console.log(`  PostgreSQL  writeIngestResult: ${fmt(await postgres(result, url))}`);
      } finally {
        await cluster?.stop();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
