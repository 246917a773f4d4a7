import { stringify } from "yaml";
import { languageName } from "@/lib/domain/language-names";
import { NOT_CONFIGURED } from "./decontamination";
import type { ExportDedupReport } from "./dedup-samples";
import type { ExportCounts, FailingTestsCount } from "./types";

/**
 * README.md of an export in the Hugging Face datasets layout: YAML front matter with
 * `configs` (which files make which split) and `dataset_info` (features, sizes), then the
 * counts, the decontamination report and the run configuration.
 */
export type Feature = { name: string; dtype: string } | { name: string; list: { name: string; dtype: string }[] };

export interface CardConfig {
  name: string;
  /** Glob relative to the card, e.g. data/train-*.jsonl */
  path: string;
  features: Feature[];
  examples: number;
  bytes: number;
}

export interface CardInput {
  title: string;
  format: string;
  createdAt: Date;
  configs: CardConfig[];
  sft: ExportCounts;
  dpo: ExportCounts;
  filter: Record<string, unknown>;
  runs: { id: string; name: string; config: unknown }[];
  decontamination: { configured: boolean; checked: number; removed: number; report: unknown };
  /** absent when no samples were exported (DPO pairs only) */
  failingTests?: FailingTestsCount;
  /** absent when no samples were exported (DPO pairs only) */
  dedup?: ExportDedupReport;
  fence: boolean;
}

const str = (name: string) => ({ name, dtype: "string" });
export const SFT_FEATURES: Feature[] = [{ name: "messages", list: [str("role"), str("content")] }, str("id"), str("language"), str("part"), { name: "score", dtype: "float64" }, str("tests")];
export const ALPACA_FEATURES: Feature[] = [str("instruction"), str("input"), str("output"), str("id"), str("language"), str("part"), { name: "score", dtype: "float64" }, str("tests")];
export const DPO_FEATURES: Feature[] = [str("prompt"), str("chosen"), str("rejected"), str("id"), str("language")];

export function renderDatasetCard(c: CardInput): string {
  const one = c.configs.length === 1;
  const info = (k: CardConfig) => ({
    ...(one ? {} : { config_name: k.name }),
    features: k.features,
    splits: [{ name: "train", num_bytes: k.bytes, num_examples: k.examples }],
    download_size: k.bytes,
    dataset_size: k.bytes,
  });
  const front = {
    configs: c.configs.map((k) => ({ config_name: k.name, data_files: [{ split: "train", path: k.path }] })),
    dataset_info: one ? info(c.configs[0]) : c.configs.map(info),
    task_categories: ["text-generation"],
    tags: ["code", "instruction-tuning", "xinstruct"],
    language: ["en", "code"],
  };
  const lines = [
    `---\n${stringify(front).trimEnd()}\n---`,
    `# ${c.title}`,
    `Multilingual code-instruction data exported by xinstruct on ${c.createdAt.toISOString().slice(0, 10)} (format: ${c.format}).`,
    c.fence ? "Responses hold the solution in a Markdown code fence." : "Responses hold the solution as plain code.",
    "",
    "## Contents",
    "",
    "| config | file | examples |",
    "| --- | --- | --- |",
    ...c.configs.map((k) => `| ${k.name} | \`${k.path}\` | ${k.examples} |`),
  ];
  if (c.sft.total) lines.push("", "### Samples per language", "", ...countTable(c.sft.perLanguage, "language", languageName), "", "### Samples per dataset part", "", ...countTable(c.sft.perPart, "part", (p) => p.replace(/^ds/, "Ds")));
  if (c.dpo.total) lines.push("", "### Preference pairs per language", "", ...countTable(c.dpo.perLanguage, "language", languageName));
  lines.push("", "## Selection", "", "```json", JSON.stringify(c.filter, null, 2), "```");
  if (c.failingTests) lines.push("", "## Verification", "", failingTestsLine(c.failingTests));
  if (c.dedup) lines.push("", "## Deduplication", "", ...dedupLines(c.dedup));
  lines.push("", "## Decontamination", "");
  lines.push(
    c.decontamination.configured
      ? `${c.decontamination.checked} item(s) checked, ${c.decontamination.removed} removed before export.`
      : `**${NOT_CONFIGURED}**: ${c.decontamination.checked} item(s) exported without a check against benchmark data.`,
    "",
    "```json",
    JSON.stringify(c.decontamination.report, null, 2),
    "```",
  );
  lines.push("", "## Generation runs", "");
  for (const r of c.runs) lines.push(`### ${r.name} (\`${r.id}\`)`, "", "```yaml", stringify(r.config ?? {}).trimEnd(), "```", "");
  return `${lines.join("\n").trimEnd()}\n`;
}

function dedupLines(d: ExportDedupReport): string[] {
  if (!d.enabled) return [`**Not deduplicated** (turned off for this export): ${d.checked} sample(s) exported as selected; near-identical samples may remain.`];
  const head = `${d.checked} sample(s) checked, **${d.removed} removed** as duplicates of a sample of the same language kept before them: ${d.byKind.exact} exact (same instruction and code up to whitespace), ${d.byKind["near-instruction"]} near-duplicate instruction(s) and ${d.byKind["near-code"]} near-duplicate code (MinHash LSH, exact Jaccard of 5-gram shingles ≥ ${d.threshold}, as SelfCodeAlign and Magicoder). DPO pairs are not deduplicated.`;
  if (!d.examples.length) return [head];
  return [head, "", "| removed | duplicate of | kind | similarity |", "| --- | --- | --- | --- |", ...d.examples.map((e) => `| \`${e.id}\` | \`${e.duplicateOf}\` | ${e.kind} | ${e.similarity.toFixed(2)} |`), ...(d.removed > d.examples.length ? ["", `(first ${d.examples.length} of ${d.removed} shown)`] : [])];
}

function failingTestsLine(f: FailingTestsCount): string {
  if (!f.count) return "No selected sample fails its own tests.";
  const verdicts = Object.entries(f.perVerdict).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v, n]) => `${v}: ${n}`).join(", ");
  return f.included
    ? `${f.count} sample(s) whose own tests fail are **included** on request (${verdicts}).`
    : `${f.count} sample(s) excluded because their own tests fail (${verdicts}).`;
}

function countTable(counts: Record<string, number>, what: string, label: (k: string) => string): string[] {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return [`| ${what} | count |`, "| --- | --- |", ...rows.map(([k, n]) => `| ${label(k)} (\`${k}\`) | ${n} |`)];
}
