import type { ExportDedupReport } from "./dedup-samples";

/** Export formats: what `xinstruct export --format` and the export panel offer. */
export const EXPORT_FORMATS = ["sft", "alpaca", "parquet", "dpo", "llamafactory"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The decontamination step that runs before every export: given the texts of what would be
 * exported, it says which ids to keep and returns a report that goes into the dataset card.
 */
export type ExportFilter = (items: { id: string; text: string }[]) => Promise<{ kept: string[]; report: unknown }>;

export interface ExportedFile {
  /** Relative to the export folder, with forward slashes. */
  path: string;
  rows: number;
  bytes: number;
}

export interface ExportCounts {
  total: number;
  perLanguage: Record<string, number>;
  perPart: Record<string, number>;
}

/** Selected samples whose own tests fail in stage "verify": left out unless included on request. */
export interface FailingTestsCount {
  included: boolean;
  count: number;
  perVerdict: Record<string, number>;
}

export interface ExportResult {
  dir: string;
  format: ExportFormat;
  files: ExportedFile[];
  sft: ExportCounts;
  dpo: ExportCounts;
  /** exact and near duplicates dropped from the samples (pairs are not deduplicated) */
  dedup: ExportDedupReport;
  decontamination: { configured: boolean; checked: number; removed: number; report: unknown };
  failingTests: FailingTestsCount;
}
