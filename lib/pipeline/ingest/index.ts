/**
 * Corpus ingestion: turn code (files, folders, archives, JSONL dumps, git repositories, URLs)
 * into labelled, deduplicated, decontaminated snippets of at most N tokens.
 *
 * Entry point (server only: file system, child processes, network):
 *
 *   ingestSource(source: string, options?: IngestOptions, onProgress?: (p: IngestProgress) => void)
 *     : Promise<IngestResult>            // { files, snippets, report }
 *
 *   - source: a local path (file, folder, git work tree root, .zip, .tar, .tar.gz, .jsonl/.ndjson)
 *     or an http(s) URL (downloaded to a temp folder, capped by limits.maxDownloadBytes).
 *     A folder with `.git` is read as the files tracked at HEAD; options.kind = "folder"
 *     reads the working tree instead.
 *   - All or nothing: the promise resolves with the complete result or rejects with an AppError
 *     (invalid:upload — empty / nothing importable / not a repository; too_large:archive — zip
 *     bomb or forged sizes; too_large:upload — total size or file count over the limits;
 *     invalid:archive — damaged archive; not_found:source; too_large:download;
 *     unavailable:download). Write the result in one transaction; on rejection write nothing.
 *   - Per-file problems are not errors: unsafe archive paths, links, special files, files over
 *     the per-file cap (never read), binary, non-UTF-8, empty, malformed JSONL lines (with the
 *     line number), other languages. Each is counted in report.files.skippedByReason and listed
 *     in report.files.skippedFiles with a user-facing message.
 *   - Pipeline: read → decode → language (override > JSONL "language" > extension > shebang >
 *     content) → split (tree-sitter) → drop < minTokens → decontaminate (if options.contamination)
 *     → exact dedup → near dedup (MinHash LSH, Jaccard ≥ 0.7 on 5-token shingles by default).
 *
 * Building blocks, usable on their own:
 *
 *   detectLanguage(path, content): Detection                  // pure
 *   splitIntoSnippets(content, language, { maxTokens = 1024, packUnits = true }): Promise<SnippetPart[]>
 *   dedupSnippets(snippets, { exact, near, threshold = 0.7, shingleSize = 5, numPerm = 128 }): { kept, duplicates }
 *   loadBenchmarkFile(path, name?): Promise<BenchmarkItem[]> // HumanEval / MultiPL-E / MBPP / HumanEval-X / McEval
 *   parseBenchmarkText(text, name): BenchmarkItem[]
 *   buildContaminationIndex(items, { ngram = 10, minSubstringChars = 50, boilerplateShare = 0.05 }): ContaminationIndex
 *   findContamination(text, index): ContaminationMatch | null
 *   decontaminate(items, index, { text?: (item) => string }): { kept, removed: { item, match }[] }
 *     — the reusable filter: run it again on generated samples before export, e.g.
 *       decontaminate(samples, index, { text: (s) => `${s.instruction}\n${s.response}` }).
 *
 * Tokens are approximated by lib/domain/tokenize-code.ts (countCodeTokens); MinHash and LSH
 * live in lib/domain/minhash.ts.
 */
export { ingestSource, type IngestOptions } from "./ingest-source";
export { detectLanguage, type Detection, type LanguageSource } from "./detect-language";
export { splitIntoSnippets, type SnippetPart, type SplitMethod, type SplitOptions } from "./split-snippets";
export { dedupSnippets, type DedupOptions, type DedupResult } from "./dedup";
export { loadBenchmarkFile, parseBenchmarkText, type BenchmarkItem } from "./benchmarks";
export {
  buildContaminationIndex,
  decontaminate,
  findContamination,
  normalizeForMatch,
  type ContaminationIndex,
  type ContaminationIndexOptions,
} from "./decontaminate";
export { INGEST_LANGUAGES, parseLanguageName, type IngestLanguage } from "./languages";
export { DEFAULT_LIMITS, type IngestLimits } from "./limits";
export type { SourceKind } from "./sources/resolve-source";
export { tokenHistogram } from "./report";
export type * from "./types";
