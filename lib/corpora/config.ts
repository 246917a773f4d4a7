import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { DEFAULT_MAX_UPLOAD_BYTES } from "./save-upload";

export interface CorporaConfig {
  /** Browser uploads are streamed here, one private folder each, until their import ends. */
  uploadsDir: string;
  maxUploadBytes: number;
  /** Benchmark files offered for decontamination (missing folder: none offered). */
  benchmarksDir: string;
}

/** Derived from the data dir until lib/env.ts has variables of its own for these. */
export function corporaConfig(): CorporaConfig {
  const { dataDir } = env();
  return {
    uploadsDir: path.join(dataDir, "uploads"),
    maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
    benchmarksDir: path.join(dataDir, "benchmarks"),
  };
}
