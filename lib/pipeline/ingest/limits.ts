import { AppError } from "@/lib/errors";

/** Safety limits of one import. All sizes are bytes of content after decompression. */
export interface IngestLimits {
  /** A file over this is skipped ("too_large") without being read into memory. */
  maxFileBytes: number;
  /** Everything read from a source together; over it the whole import fails. */
  maxTotalBytes: number;
  /** Files (entries, JSONL lines) a source may hold; over it the whole import fails. */
  maxFiles: number;
  /** Decompressed/compressed ratio of an entry or a whole archive; over it: zip bomb. */
  maxCompressionRatio: number;
  /** The ratio is checked only once this much was decompressed (tiny files compress wildly). */
  ratioCheckAfterBytes: number;
  /** Size cap of a URL download. */
  maxDownloadBytes: number;
  /** Entries kept in the report's skippedFiles/duplicates/contamination lists. */
  maxListed: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxFiles: 2_000_000,
  maxCompressionRatio: 200,
  ratioCheckAfterBytes: 8 * 1024 * 1024,
  maxDownloadBytes: 1024 * 1024 * 1024,
  maxListed: 50_000,
};

const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MiB`;

/** Counts bytes and files read so far and throws the import-level AppErrors. */
export class Budget {
  bytes = 0;
  files = 0;

  constructor(readonly limits: IngestLimits) {}

  addFile(): void {
    if (++this.files > this.limits.maxFiles)
      throw new AppError("too_large:upload", `The upload holds more than ${this.limits.maxFiles} files; nothing was imported.`);
  }

  addBytes(n: number): void {
    this.bytes += n;
    if (this.bytes > this.limits.maxTotalBytes)
      throw new AppError(
        "too_large:upload",
        `The upload expands to more than ${MiB(this.limits.maxTotalBytes)}; nothing was imported.`,
      );
  }

  /** Throws when `outBytes` decompressed from `inBytes` exceeds the ratio limit. */
  checkRatio(what: string, outBytes: number, inBytes: number): void {
    if (outBytes < this.limits.ratioCheckAfterBytes) return;
    const ratio = outBytes / Math.max(1, inBytes);
    if (ratio > this.limits.maxCompressionRatio)
      throw new AppError(
        "too_large:archive",
        `${what} expands more than ${this.limits.maxCompressionRatio}× (${MiB(outBytes)} from ${MiB(inBytes)} so far): it looks like a zip bomb; nothing was imported.`,
        { detail: { outBytes, inBytes } },
      );
  }
}

export function tooLargeMessage(path: string, size: number, limit: number): string {
  return `${path}: ${MiB(size)} is over the per-file limit of ${MiB(limit)}`;
}
