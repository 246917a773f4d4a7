import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { ingestSource, type IngestLimits, type IngestReport } from "@/lib/pipeline/ingest";
import { contaminationIndexFor } from "./benchmarks";
import { corpusOptionsSchema, type StoredCorpusOptions } from "./options";
import type { CorpusProgress } from "./progress";
import { writeIngestResult, type WriteOptions } from "./write-corpus";

export interface IngestCorpusOptions {
  signal?: AbortSignal;
  onProgress?: (p: CorpusProgress) => void;
  /** Where URL downloads go while they are read (default: the OS temp folder). */
  tempDir?: string;
  limits?: Partial<IngestLimits>;
  write?: WriteOptions;
  /**
   * Whether a failure is final (default: always). When the queue will retry, the corpus stays
   * `ingesting` and an uploaded file is kept for the next attempt.
   */
  isFinal?: (error: unknown) => boolean;
}

/**
 * Imports a corpus row's source: ingest (read, split, decontaminate, dedup), then one
 * transaction for files + snippets + report. All or nothing: on any error the corpus is
 * marked `failed` with the user-facing message and holds no files or snippets.
 */
export async function ingestCorpus(db: Db, corpusId: string, opts: IngestCorpusOptions = {}): Promise<IngestReport> {
  const corpus = await db.corpus.findUnique({ where: { id: corpusId } });
  if (!corpus) throw new AppError("not_found:corpus", `No corpus ${corpusId}.`);
  // A job re-run after its commit was not acknowledged: the corpus is already complete.
  if (corpus.status === "ready" && corpus.report) return corpus.report as unknown as IngestReport;
  const stored = (corpus.options ?? {}) as Partial<StoredCorpusOptions>;
  const options = corpusOptionsSchema.parse(stored);
  const progress = opts.onProgress ?? (() => {});
  await db.corpus.update({ where: { id: corpusId }, data: { status: "ingesting", error: null } });
  try {
    progress({ phase: "benchmarks", done: 0, total: options.benchmarks.length });
    const contamination = await contaminationIndexFor(options.benchmarks, { tempDir: opts.tempDir, signal: opts.signal });
    const source = stored.upload?.path ?? corpus.source;
    const result = await ingestSource(
      source,
      {
        maxTokens: options.maxTokens,
        dedup: options.nearThreshold === null ? { near: false } : { threshold: options.nearThreshold },
        contamination,
        languageOverrides: options.languageOverrides,
        kind: options.workingTree && (await isGitWorkTree(source)) ? "folder" : undefined,
        limits: opts.limits,
        tempDir: opts.tempDir,
        signal: opts.signal,
      },
      (p) => progress(p.phase === "done" ? { phase: "writing", done: 0, total: p.done } : p),
    );
    await writeIngestResult(db, corpusId, result, opts.write);
    await removeUpload(stored);
    progress({ phase: "done", done: result.snippets.length, total: result.snippets.length, message: `${result.snippets.length} snippets from ${result.files.length} files` });
    return result.report;
  } catch (e) {
    if (opts.isFinal?.(e) ?? true) {
      await db.corpus.updateMany({ where: { id: corpusId }, data: { status: "failed", error: failureMessage(e) } });
      await removeUpload(stored);
    }
    throw e;
  }
}

export function failureMessage(e: unknown): string {
  if (isAppError(e)) return e.message;
  return `The import failed: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`;
}

async function isGitWorkTree(source: string): Promise<boolean> {
  return fs.stat(path.join(source, ".git")).then(() => true, () => false);
}

async function removeUpload(stored: Partial<StoredCorpusOptions>): Promise<void> {
  if (stored.upload?.dir) await fs.rm(stored.upload.dir, { recursive: true, force: true }).catch(() => {});
}
