import { languageName } from "@/lib/domain/language-names";
import type { IngestReport, SkipReason } from "@/lib/pipeline/ingest/types";

/** Pure data preparation for the corpus page's charts and tables (the components only render). */

export interface LanguageBar {
  language: string;
  name: string;
  snippets: number;
  files: number;
  tokens: number;
  /** Share of all snippets, 0..1. */
  share: number;
}

export function prepareLanguageChart(stats: readonly { language: string; files: number; snippets: number; tokens: number }[]): LanguageBar[] {
  const total = stats.reduce((a, s) => a + s.snippets, 0);
  return stats
    .filter((s) => s.snippets > 0 || s.files > 0)
    .map((s) => ({ ...s, name: languageName(s.language), share: total ? s.snippets / total : 0 }))
    .sort((a, b) => b.snippets - a.snippets || a.language.localeCompare(b.language));
}

export interface HistogramBar {
  label: string;
  from: number;
  /** Exclusive, except the last bucket, which includes maxTokens. */
  to: number;
  count: number;
}

export function prepareTokenHistogram(h: IngestReport["tokenHistogram"] | undefined): HistogramBar[] {
  if (!h || h.counts.length === 0) return [];
  return h.counts.map((count, i) => {
    const from = h.edges[i];
    const to = h.edges[i + 1];
    const last = i === h.counts.length - 1;
    return { label: `${from}–${last ? to : to - 1}`, from, to, count };
  });
}

const REASON_LABELS: Record<SkipReason, string> = {
  unsafe_path: "unsafe archive path",
  symlink: "link (not followed)",
  special_file: "special file",
  too_large: "over the size limit",
  binary: "binary",
  not_utf8: "not UTF-8",
  empty_file: "empty",
  encrypted: "encrypted",
  unreadable: "unreadable entry",
  malformed_jsonl: "malformed JSONL line",
  unsupported_language: "unsupported language",
  unknown_language: "unknown language",
  ignored_dir: "ignored folder",
};

export function skipReasonLabel(reason: string): string {
  return REASON_LABELS[reason as SkipReason] ?? reason.replace(/_/g, " ");
}

export function prepareSkippedReasons(byReason: IngestReport["files"]["skippedByReason"] | undefined): { reason: string; label: string; count: number }[] {
  return Object.entries(byReason ?? {})
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => ({ reason, label: skipReasonLabel(reason), count: n ?? 0 }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

export interface DropSummary {
  extracted: number;
  kept: number;
  rows: { kind: string; count: number; share: number }[];
}

/** What happened to the extracted snippets: kept, or dropped and why (shares of extracted). */
export function prepareDropSummary(s: IngestReport["snippets"] | undefined): DropSummary | null {
  if (!s) return null;
  const share = (n: number) => (s.extracted ? n / s.extracted : 0);
  const rows = [
    { kind: "exact duplicate", count: s.exactDuplicates },
    { kind: "near duplicate", count: s.nearDuplicates },
    { kind: "benchmark contamination", count: s.contaminated },
  ].map((r) => ({ ...r, share: share(r.count) }));
  return { extracted: s.extracted, kept: s.kept, rows };
}
