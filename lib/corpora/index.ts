import "server-only";
/**
 * Corpora: persistence and services around the ingest library (lib/pipeline/ingest).
 *
 *   addCorpus(db, { name?, source? | upload?, options? }, { enqueue = true })
 *     : Promise<{ corpus, jobId }>       // Corpus row (pending) + a `corpus.ingest` job {corpusId}
 *   ingestCorpus(db, corpusId, { signal?, onProgress?, tempDir?, limits?, write?, isFinal? })
 *     : Promise<IngestReport>            // what the job (and the CLI, in-process) runs
 *   saveUpload(body, { dir, filename, maxBytes, expectedBytes? }): Promise<SavedUpload>
 *   writeIngestResult(db, corpusId, result, { chunkSize?, afterChunk? })  // the one transaction
 *   listCorpora / getCorpus / corpusLanguageStats / listCorpusFiles / listSnippets / getSnippet
 *   relabelFile(db, corpusId, fileId, language) · deleteCorpus(db, id)
 *   listBenchmarkFiles(dir) · loadBenchmarks(refs) · contaminationIndexFor(refs)
 *
 * Decisions:
 * - All or nothing: files, kept snippets and the report are written in ONE transaction after
 *   the whole source was ingested; any error marks the corpus `failed` with the user-facing
 *   message (Corpus.error) and leaves no rows. A job re-run on a `ready` corpus is a no-op.
 * - Dropped snippets (exact/near duplicates, contaminated) are NOT stored as Snippet rows (the
 *   `dropped`/`droppedRef` columns stay unused): the report lists each one (up to
 *   limits.maxListed, counts always exact) with its path and lines, a preview, and what it
 *   duplicates or which benchmark item it matches. Skipped files likewise live in the report.
 * - Options (max tokens, near threshold, benchmarks, language overrides) live on Corpus.options;
 *   the job payload carries only the corpus id. An upload's temp path is kept there too and
 *   never sent to a client; the file is removed when the import ends.
 * - Language override: per file at import (options.languageOverrides, CLI --language) or after
 *   it (relabelFile: file + its snippets re-labelled; boundaries are kept).
 */
export { addCorpus, CORPUS_INGEST_JOB, type AddCorpusInput } from "./add-corpus";
export { ingestCorpus, failureMessage, type IngestCorpusOptions } from "./run-ingest";
export { saveUpload, safeUploadName, DEFAULT_MAX_UPLOAD_BYTES, type SavedUpload, type SaveUploadOptions } from "./save-upload";
export { writeIngestResult, type WriteOptions } from "./write-corpus";
export * from "./queries";
export { relabelFile } from "./relabel-file";
export { deleteCorpus } from "./delete-corpus";
export { listBenchmarkFiles, loadBenchmarks, contaminationIndexFor, type BenchmarkFile } from "./benchmarks";
export { corpusOptionsSchema, type CorpusOptions, type CorpusOptionsInput } from "./options";
export { corporaConfig, type CorporaConfig } from "./config";
