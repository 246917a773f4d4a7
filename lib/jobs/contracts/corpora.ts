import { z } from "zod";
import { defineJobContract } from "./define";

/**
 * Fills a corpus row: ingest its source, then write files, snippets and report in one
 * transaction. Bad input fails at once; a transient failure (a download, the database) is tried once more.
 */
export const corpusIngestContract = defineJobContract({
  name: "corpus.ingest",
  description: "Import a corpus: read, split, decontaminate, deduplicate, store",
  payload: z.object({ corpusId: z.string().min(1) }),
  maxAttempts: 2,
  backoffBaseMs: 5_000,
  timeoutMs: 2 * 60 * 60_000,
  // Dedup and decontamination run synchronously for long stretches on big corpora.
  leaseMs: 15 * 60_000,
});
