import { z } from "zod";
import { INGEST_LANGUAGES } from "@/lib/pipeline/ingest/languages";

/**
 * What a user chooses when adding a corpus; stored on the Corpus row (the ingest job only
 * carries the corpus id). Shared by the API, the CLI and the browser form.
 */
export const corpusOptionsSchema = z.object({
  maxTokens: z.number().int().min(16).max(32_768).default(1024),
  /** Jaccard threshold of near-duplicate removal; null turns near dedup off (exact dedup stays). */
  nearThreshold: z.number().min(0.05).max(1).nullable().default(0.7),
  /** Benchmark files (server paths or http(s) URLs) in HumanEval / MultiPL-E / MBPP format. */
  benchmarks: z.array(z.string().trim().min(1).max(2000)).max(100).default([]),
  /** Language per file path (as the report names it), winning over detection. */
  languageOverrides: z.record(z.string().min(1), z.enum(INGEST_LANGUAGES)).default({}),
  /** Read a git repository's working tree instead of the files tracked at HEAD. */
  workingTree: z.boolean().default(false),
});

export type CorpusOptions = z.infer<typeof corpusOptionsSchema>;
export type CorpusOptionsInput = z.input<typeof corpusOptionsSchema>;

/** Stored beside the options when the source is a browser upload (removed after the ingest). */
export interface StoredCorpusOptions extends CorpusOptions {
  upload?: { path: string; dir: string; name: string; bytes: number };
}

export const CORPUS_STATUSES = ["pending", "ingesting", "ready", "failed"] as const;
export type CorpusStatus = (typeof CORPUS_STATUSES)[number];
