import { defineHandler } from "@/lib/jobs/types";
import { corpusIngestContract } from "@/lib/jobs/contracts/corpora";
import { classifyFailure } from "@/lib/jobs/errors";
import { ingestCorpus } from "@/lib/corpora/run-ingest";
import { overallProgress, throttleProgress } from "@/lib/corpora/progress";

const MAX_ATTEMPTS = corpusIngestContract.maxAttempts;

/**
 * Fills a corpus row: ingest its source, then write files, snippets and report in one
 * transaction. Bad input (zip bomb, empty upload, ...) fails at once with the user-facing
 * message on the corpus; a transient failure (a download, the database) is tried once more.
 */
export const corpusIngest = defineHandler("corpus.ingest", async ({ payload, db, signal, attempt, progress }) => {
  // Progress events are database writes: throttled, and sent in order without holding up the ingest.
  let pending = Promise.resolve();
  const onProgress = throttleProgress((p) => {
    const o = overallProgress(p);
    pending = pending.then(() => progress(o.done, o.total, o.message)).catch(() => {});
  });
  try {
    const report = await ingestCorpus(db, payload.corpusId, {
      signal,
      onProgress,
      isFinal: (e) => attempt >= MAX_ATTEMPTS || signal.aborted || classifyFailure(e).kind === "unrecoverable",
    });
    return { corpusId: payload.corpusId, files: report.files.kept, snippets: report.snippets.kept };
  } finally {
    await pending;
  }
});
