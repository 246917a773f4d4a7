import type { LanguageSource } from "./detect-language";
import type { IngestLanguage } from "./languages";
import type { SplitMethod } from "./split-snippets";

/** Why a file (or JSONL line, or archive entry) was not imported. */
export type SkipReason =
  | "unsafe_path" // archive entry with "..", an absolute path or a drive letter
  | "symlink" // symbolic or hard link: never followed
  | "special_file" // device, FIFO, socket, git submodule
  | "too_large" // over the per-file size cap
  | "binary" // NUL bytes or other binary content
  | "not_utf8" // text that is not valid UTF-8
  | "empty_file"
  | "encrypted" // encrypted zip entry
  | "unreadable" // an entry the archive library cannot decode (unknown compression, ...)
  | "malformed_jsonl" // a JSONL line that is not an object with a string "content"
  | "unsupported_language" // a language outside the supported 8
  | "unknown_language" // no extension, shebang or content evidence
  | "ignored_dir"; // .git, node_modules, ... inside a folder

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  message: string;
}

/** One item produced by a source reader. `text` is set by JSONL records, `data` by files. */
export type SourceItem =
  | {
      kind: "file";
      path: string;
      data?: Buffer;
      text?: string;
      declaredLanguage?: string;
      /** The path is only a label ("dump.jsonl:12"), not a file name to detect a language from. */
      pathIsLabel?: boolean;
    }
  | ({ kind: "skip" } & SkippedFile);

export interface IngestFile {
  path: string;
  language: IngestLanguage;
  languageSource: LanguageSource;
  bytes: number;
  /** Snippets cut from the file, before dedup and decontamination. */
  snippetCount: number;
}

export interface Snippet {
  /** Position in extraction order over the whole source; stable key within one import. */
  ordinal: number;
  path: string;
  language: IngestLanguage;
  content: string;
  startLine: number;
  endLine: number;
  tokens: number;
  method: SplitMethod;
  /** sha256 (hex) of the whitespace-normalized content: the exact-dedup key. */
  hash: string;
}

export interface SnippetRef {
  ordinal: number;
  path: string;
  startLine: number;
  endLine: number;
}

export interface DuplicateRecord extends SnippetRef {
  kind: "exact" | "near";
  /** Jaccard similarity of 5-token shingles (1 for exact duplicates). */
  similarity: number;
  duplicateOf: SnippetRef;
  preview: string;
}

export type ContaminationKind = "prompt_substring" | "solution_substring" | "ngram";

export interface ContaminationMatch {
  benchmark: string;
  itemId: string;
  kind: ContaminationKind;
  /** The matched n-gram, or the start of the matched benchmark text. */
  evidence: string;
}

export interface ContaminationRecord extends SnippetRef, ContaminationMatch {
  preview: string;
}

export interface IngestReport {
  source: { kind: string; name: string };
  files: {
    seen: number;
    kept: number;
    skipped: number;
    skippedByReason: Partial<Record<SkipReason, number>>;
    /** At most `limits.maxListed` entries; counts above are exact. */
    skippedFiles: SkippedFile[];
  };
  languages: Partial<Record<IngestLanguage, { files: number; snippets: number; tokens: number }>>;
  snippets: {
    extracted: number;
    tooShort: number;
    exactDuplicates: number;
    nearDuplicates: number;
    contaminated: number;
    kept: number;
    byMethod: Partial<Record<SplitMethod, number>>;
  };
  /** Kept snippets by token length: counts[i] holds lengths in [edges[i], edges[i+1]). */
  tokenHistogram: { edges: number[]; counts: number[] };
  duplicates: DuplicateRecord[];
  contamination: ContaminationRecord[];
  settings: { maxTokens: number; minTokens: number; nearDuplicateThreshold: number | null; shingleSize: number; benchmarks: string[] };
  durationMs: number;
}

export interface IngestResult {
  files: IngestFile[];
  /** Kept snippets only (after dedup and decontamination), in extraction order. */
  snippets: Snippet[];
  report: IngestReport;
}

export interface IngestProgress {
  /** "reading" covers reading, decoding, language detection and splitting, file by file. */
  phase: "reading" | "decontaminating" | "deduplicating" | "done";
  done: number;
  total?: number;
  message?: string;
}
