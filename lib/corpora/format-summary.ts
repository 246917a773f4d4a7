import { languageName } from "@/lib/domain/language-names";
import type { IngestReport } from "@/lib/pipeline/ingest/types";
import { prepareSkippedReasons } from "./chart-data";

/** The report summary the CLI prints (plain text, one fact per line). */
export function formatReportSummary(r: IngestReport): string {
  const s = r.snippets;
  const lines = [
    `source: ${r.source.name} (${r.source.kind})`,
    `files: ${r.files.seen} seen, ${r.files.kept} imported, ${r.files.skipped} skipped`,
  ];
  for (const x of prepareSkippedReasons(r.files.skippedByReason)) lines.push(`  skipped ${x.label}: ${x.count}`);
  lines.push(
    `snippets: ${s.extracted} extracted, ${s.kept} kept; dropped ${s.exactDuplicates} exact duplicates, ${s.nearDuplicates} near duplicates, ${s.contaminated} contaminated, ${s.tooShort} too short`,
  );
  const langs = Object.entries(r.languages).sort((a, b) => (b[1]?.snippets ?? 0) - (a[1]?.snippets ?? 0));
  for (const [l, v] of langs) lines.push(`  ${languageName(l).padEnd(10)} ${String(v!.files).padStart(6)} files ${String(v!.snippets).padStart(7)} snippets ${String(v!.tokens).padStart(9)} tokens`);
  const settings = r.settings;
  lines.push(
    `settings: max ${settings.maxTokens} tokens, near-duplicate threshold ${settings.nearDuplicateThreshold ?? "off"}, benchmarks: ${settings.benchmarks.length ? settings.benchmarks.join(", ") : "none"}`,
  );
  for (const c of r.contamination.slice(0, 10)) lines.push(`  contaminated: ${c.path}:${c.startLine} matches ${c.benchmark} ${c.itemId} (${c.kind.replace(/_/g, " ")})`);
  if (r.contamination.length > 10) lines.push(`  … ${s.contaminated - 10} more contaminated snippets (see the corpus page)`);
  lines.push(`took ${(r.durationMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}
