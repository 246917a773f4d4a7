import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { IngestReport } from "@/lib/pipeline/ingest";
import type { StoredCorpusOptions } from "./options";
import { snippetPreview } from "./snippet-preview";

export interface CorpusListItem {
  id: string;
  name: string;
  source: string;
  status: string;
  error: string | null;
  jobId: string | null;
  createdAt: Date;
  files: number;
  snippets: number;
}

export async function listCorpora(db: Db, { limit = 100 } = {}): Promise<CorpusListItem[]> {
  const rows = await db.corpus.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, name: true, source: true, status: true, error: true, jobId: true, createdAt: true, _count: { select: { files: true, snippets: true } } },
  });
  return rows.map(({ _count, ...c }) => ({ ...c, files: _count.files, snippets: _count.snippets }));
}

export interface CorpusDetail extends CorpusListItem {
  options: Omit<StoredCorpusOptions, "upload"> | null;
  report: IngestReport | null;
}

export async function getCorpus(db: Db, id: string): Promise<CorpusDetail> {
  const c = await db.corpus.findUnique({ where: { id }, include: { _count: { select: { files: true, snippets: true } } } });
  if (!c) throw new AppError("not_found:corpus", `No corpus ${id}.`);
  const { _count, options, report, ...rest } = c;
  // The upload's temp path is internal: it never leaves the server.
  const { upload: _upload, ...shown } = (options ?? {}) as unknown as StoredCorpusOptions;
  return { ...rest, files: _count.files, snippets: _count.snippets, options: options ? shown : null, report: (report as unknown as IngestReport) ?? null };
}

/** Throws not_found:corpus unless the corpus exists (without loading its report). */
export async function assertCorpus(db: Db, id: string): Promise<void> {
  if (!(await db.corpus.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("not_found:corpus", `No corpus ${id}.`);
}

export interface LanguageStat {
  language: string;
  files: number;
  snippets: number;
  tokens: number;
}

/** Per-language counts from the stored rows (current after a relabel, unlike the report). */
export async function corpusLanguageStats(db: Db, corpusId: string): Promise<LanguageStat[]> {
  const [snippets, files] = await Promise.all([
    db.snippet.groupBy({ by: ["language"], where: { corpusId }, _count: { _all: true }, _sum: { tokens: true } }),
    db.corpusFile.groupBy({ by: ["language"], where: { corpusId }, _count: { _all: true } }),
  ]);
  const out = new Map<string, LanguageStat>();
  const get = (l: string) => out.get(l) ?? out.set(l, { language: l, files: 0, snippets: 0, tokens: 0 }).get(l)!;
  for (const f of files) if (f.language) get(f.language).files = f._count._all;
  for (const s of snippets) Object.assign(get(s.language), { snippets: s._count._all, tokens: s._sum.tokens ?? 0 });
  return [...out.values()];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CorpusFileRow {
  id: string;
  path: string;
  language: string | null;
  languageSource: string | null;
  bytes: number;
  snippets: number;
}

export async function listCorpusFiles(db: Db, corpusId: string, { page = 1, pageSize = 50, language }: { page?: number; pageSize?: number; language?: string } = {}): Promise<Page<CorpusFileRow>> {
  const where = { corpusId, ...(language ? { language } : {}) };
  const [total, files] = await Promise.all([
    db.corpusFile.count({ where }),
    db.corpusFile.findMany({ where, orderBy: { id: "asc" }, skip: (page - 1) * pageSize, take: pageSize, include: { _count: { select: { snippets: true } } } }),
  ]);
  return {
    total, page, pageSize,
    items: files.map((f) => ({ id: f.id, path: f.path, language: f.language, languageSource: f.languageSource, bytes: f.bytes, snippets: f._count.snippets })),
  };
}

export interface SnippetListItem {
  id: string;
  language: string;
  tokens: number;
  startLine: number;
  endLine: number | null;
  path: string | null;
  preview: string;
}

export interface SnippetFilter {
  page?: number;
  pageSize?: number;
  language?: string;
  fileId?: string;
}

export async function listSnippets(db: Db, corpusId: string, f: SnippetFilter = {}): Promise<Page<SnippetListItem>> {
  const page = Math.max(1, f.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, f.pageSize ?? 25));
  const where = { corpusId, ...(f.language ? { language: f.language } : {}), ...(f.fileId ? { fileId: f.fileId } : {}) };
  const [total, rows] = await Promise.all([
    db.snippet.count({ where }),
    // Ids are "<corpus>-s<zero-padded ordinal>": id order is extraction order.
    db.snippet.findMany({ where, orderBy: { id: "asc" }, skip: (page - 1) * pageSize, take: pageSize, include: { file: { select: { path: true } } } }),
  ]);
  return {
    total, page, pageSize,
    items: rows.map((s) => ({ id: s.id, language: s.language, tokens: s.tokens, startLine: s.startLine, endLine: s.endLine, path: s.file?.path ?? null, preview: snippetPreview(s.content) })),
  };
}

export interface SnippetDetail extends SnippetListItem {
  content: string;
  fileId: string | null;
  hash: string;
}

export async function getSnippet(db: Db, corpusId: string, snippetId: string): Promise<SnippetDetail> {
  const s = await db.snippet.findFirst({ where: { id: snippetId, corpusId }, include: { file: { select: { path: true } } } });
  if (!s) throw new AppError("not_found:snippet", `No snippet ${snippetId} in this corpus.`);
  return { id: s.id, language: s.language, tokens: s.tokens, startLine: s.startLine, endLine: s.endLine, path: s.file?.path ?? null, preview: snippetPreview(s.content), content: s.content, fileId: s.fileId, hash: s.hash };
}


export interface CorpusRunRow {
  id: string;
  name: string;
  status: string;
  createdAt: Date;
  samples: number;
}

/** The generation runs that started from this corpus, newest first. */
export async function listCorpusRuns(db: Db, corpusId: string, limit = 50): Promise<CorpusRunRow[]> {
  const rows = await db.run.findMany({
    where: { corpusId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, name: true, status: true, createdAt: true, _count: { select: { samples: true } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, samples: _count.samples }));
}
