import "server-only";
import path from "node:path";
import { env } from "@/lib/env";

export interface CorporaConfig {
  /** Browser uploads are streamed here, one private folder each, until their import ends. */
  uploadsDir: string;
  maxUploadBytes: number;
  /** Benchmark files offered for decontamination (missing folder: none offered). */
  benchmarksDir: string;
}

/** From the environment: CORPUS_MAX_UPLOAD_BYTES, BENCHMARKS_DIR, DATA_DIR. */
export function corporaConfig(): CorporaConfig {
  const e = env();
  return {
    uploadsDir: path.join(e.dataDir, "uploads"),
    maxUploadBytes: e.CORPUS_MAX_UPLOAD_BYTES,
    benchmarksDir: e.benchmarksDir,
  };
}
