import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { Corpus } from "@/lib/db/generated/sqlite/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { checkCorpusFile } from "./check-corpus-file";
import { corpusOptionsSchema, type CorpusOptionsInput, type StoredCorpusOptions } from "./options";
import type { SavedUpload } from "./save-upload";

export const CORPUS_INGEST_JOB = "corpus.ingest";

export interface AddCorpusInput {
  name?: string;
  /** A server path (file, folder, git repository, archive, JSONL) or an http(s) URL. */
  source?: string;
  /** A browser upload already streamed to a temp file (saveUpload). */
  upload?: SavedUpload;
  options?: CorpusOptionsInput;
}

/**
 * Creates the Corpus row (status `pending`) and, unless `enqueue` is false (the CLI ingests
 * in-process), queues the `corpus.ingest` job that fills it. A server path that does not
 * exist, an empty file, a file named like an archive it is not and a JSONL whose first line
 * lacks "content" are refused here, before any row is written.
 */
export async function addCorpus(db: Db, input: AddCorpusInput, { enqueue = true } = {}): Promise<{ corpus: Corpus; jobId: string | null }> {
  if (Boolean(input.source) === Boolean(input.upload)) throw new AppError("invalid:corpus_source", "Give either a path or URL, or an uploaded file.");
  const parsed = corpusOptionsSchema.safeParse(input.options ?? {});
  if (!parsed.success) throw new AppError("invalid:corpus_options", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const options: StoredCorpusOptions = { ...parsed.data };
  let source: string;
  if (input.upload) {
    options.upload = input.upload;
    source = `upload:${input.upload.name}`;
  } else {
    source = await checkSource(input.source!.trim());
  }
  for (const b of options.benchmarks) if (!/^https?:\/\//i.test(b)) await mustExist(b, "benchmark file");
  // an empty file, a fake archive or a JSONL without "content" fails here, with no corpus row left behind
  if (input.upload) await checkCorpusFile(input.upload.path, input.upload.name);
  else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) await checkCorpusFile(source, path.basename(source));
  const name = input.name?.trim() || defaultName(input.upload?.name ?? source);
  let corpus = await db.corpus.create({ data: { name, source, status: "pending", options: options as object } });
  if (!enqueue) return { corpus, jobId: null };
  try {
    const job = await enqueueJob(db, CORPUS_INGEST_JOB, { corpusId: corpus.id });
    corpus = await db.corpus.update({ where: { id: corpus.id }, data: { jobId: job.id } });
    return { corpus, jobId: job.id };
  } catch (e) {
    await db.corpus.delete({ where: { id: corpus.id } }).catch(() => {});
    throw e;
  }
}

async function checkSource(source: string): Promise<string> {
  if (!source) throw new AppError("invalid:corpus_source", "The path or URL is empty.");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      throw new AppError("invalid:corpus_source", `${source} is not a valid URL.`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("invalid:corpus_source", `Only http(s) URLs can be imported, not ${url.protocol}.`);
    return source;
  }
  const full = path.resolve(source);
  await mustExist(full, "file or folder");
  return full;
}

async function mustExist(p: string, what: string): Promise<void> {
  try {
    await fs.stat(p);
  } catch {
    throw new AppError("not_found:source", `No ${what} at ${p} on the server.`);
  }
}

function defaultName(source: string): string {
  const last = source.replace(/[\\/]+$/, "").split(/[\\/]/).pop() ?? source;
  return last.replace(/^upload:/, "").replace(/\.(zip|tar\.gz|tgz|tar|jsonl|ndjson|git)$/i, "") || "corpus";
}
