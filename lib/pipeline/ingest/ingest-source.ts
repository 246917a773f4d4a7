import "server-only";
import { createHash } from "node:crypto";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { normalizeWhitespace } from "@/lib/domain/tokenize-code";
import { checkText, decodeText } from "./decode-text";
import { dedupSnippets, previewOf, refOf, type DedupOptions } from "./dedup";
import { decontaminate, type ContaminationIndex } from "./decontaminate";
import { detectLanguage, type Detection } from "./detect-language";
import { parseLanguageName, type IngestLanguage } from "./languages";
import { Budget, DEFAULT_LIMITS, type IngestLimits } from "./limits";
import { languageDistribution, pushCapped, tokenHistogram } from "./report";
import { downloadToTemp } from "./sources/download";
import { detectKind, readSource, type SourceKind } from "./sources/resolve-source";
import { splitIntoSnippets } from "./split-snippets";
import type { ContaminationRecord, IngestFile, IngestProgress, IngestReport, IngestResult, SkippedFile, Snippet } from "./types";

export interface IngestOptions {
  /** Force the reader instead of detecting it (e.g. "folder" for a repo's working tree). */
  kind?: SourceKind;
  /** Token bound per snippet. Default 1024. */
  maxTokens?: number;
  /** Snippets with fewer tokens are dropped (counted as tooShort). Default 5. */
  minTokens?: number;
  /** See SplitOptions.packUnits. Default true. */
  packUnits?: boolean;
  /** Language per file path (as reported in the result), winning over any detection. */
  languageOverrides?: Record<string, IngestLanguage>;
  /** Dedup settings, or false to keep duplicates. */
  dedup?: Omit<DedupOptions, "onProgress"> | false;
  /** Benchmarks to decontaminate against (buildContaminationIndex), or none. */
  contamination?: ContaminationIndex | null;
  limits?: Partial<IngestLimits>;
  /** Where URL downloads go (default: the OS temp folder); removed afterwards. */
  tempDir?: string;
  signal?: AbortSignal;
}

/**
 * Imports a corpus from a local path (file, folder, git repository, .zip, .tar(.gz), .jsonl) or
 * an http(s) URL. All or nothing: it resolves with the complete result, or rejects with an
 * AppError (empty upload, zip bomb, size limits, unreadable archive) and then nothing should
 * be written. Per-file problems are not errors: the file is skipped and counted in the report.
 */
export async function ingestSource(
  source: string,
  options: IngestOptions = {},
  onProgress: (p: IngestProgress) => void = () => {},
): Promise<IngestResult> {
  const started = Date.now();
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const maxTokens = options.maxTokens ?? 1024;
  const minTokens = options.minTokens ?? 5;
  const budget = new Budget(limits);
  const isUrl = /^https?:\/\//i.test(source);
  const download = isUrl ? await downloadToTemp(source, limits.maxDownloadBytes, options.tempDir, options.signal) : null;
  const target = download?.file ?? path.resolve(source);
  const name = download?.name ?? path.basename(target);

  const files: IngestFile[] = [];
  const extracted: Snippet[] = [];
  const skipped: SkippedFile[] = [];
  const skippedByReason: IngestReport["files"]["skippedByReason"] = {};
  const byMethod: IngestReport["snippets"]["byMethod"] = {};
  let seen = 0;
  let tooShort = 0;
  const skip = (s: SkippedFile) => {
    skippedByReason[s.reason] = (skippedByReason[s.reason] ?? 0) + 1;
    if (skipped.length < limits.maxListed) skipped.push({ path: s.path, reason: s.reason, message: s.message });
  };

  let kind: SourceKind;
  try {
    kind = options.kind ?? (await detectKind(target, name));
    for await (const item of readSource(kind, target, name, budget)) {
      if (options.signal?.aborted) throw new AppError("conflict:cancelled", "The import was cancelled; nothing was imported.");
      if (item.kind === "skip" && item.reason === "ignored_dir") {
        skip(item);
        continue;
      }
      if (++seen % 200 === 0) onProgress({ phase: "reading", done: seen, message: item.path });
      if (item.kind === "skip") {
        skip(item);
        continue;
      }
      const decoded = item.text !== undefined ? checkText(item.path, item.text) : decodeText(item.path, item.data!);
      if (!decoded.ok) {
        skip({ path: item.path, reason: decoded.reason, message: decoded.message });
        continue;
      }
      const detection = chooseLanguage(item.path, item.pathIsLabel === true, decoded.text, item.declaredLanguage, options.languageOverrides);
      if (detection.language === null) {
        skip({ path: item.path, reason: detection.reason, message: detection.message });
        continue;
      }
      const parts = await splitIntoSnippets(decoded.text, detection.language, { maxTokens, packUnits: options.packUnits });
      let count = 0;
      for (const p of parts) {
        if (p.tokens < minTokens) {
          tooShort++;
          continue;
        }
        byMethod[p.method] = (byMethod[p.method] ?? 0) + 1;
        count++;
        extracted.push({ ordinal: extracted.length, path: item.path, language: detection.language, ...p, hash: hashOf(p.content) });
      }
      files.push({ path: item.path, language: detection.language, languageSource: detection.source, bytes: Buffer.byteLength(decoded.text), snippetCount: count });
    }
  } finally {
    await download?.cleanup();
  }

  const skippedCount = Object.values(skippedByReason).reduce((a, b) => a + (b ?? 0), 0) - (skippedByReason.ignored_dir ?? 0);
  if (seen === 0) throw new AppError("invalid:upload", `${name} is empty: it holds no files; nothing was imported.`);
  if (files.length === 0) {
    const reasons = Object.entries(skippedByReason).map(([r, n]) => `${n} ${r.replace(/_/g, " ")}`).join(", ");
    // the first reason in words: "a.jsonl line 1: no "content" key (the line has "code"); each line is …"
    const first = skipped[0]?.message ? ` First: ${skipped[0].message}.` : "";
    throw new AppError("invalid:upload", `Nothing to import from ${name}: every file was skipped (${reasons}).${first}`, {
      detail: { skippedByReason, skipped: skipped.slice(0, 20) },
    });
  }

  let current = extracted;
  const contamination: ContaminationRecord[] = [];
  let contaminated = 0;
  if (options.contamination) {
    onProgress({ phase: "decontaminating", done: 0, total: current.length });
    const { kept, removed } = decontaminate(current, options.contamination);
    contaminated = removed.length;
    pushCapped(contamination, removed.map(({ item, match }) => ({ ...refOf(item), ...match, preview: previewOf(item.content) })), limits.maxListed);
    current = kept;
  }
  let exactDuplicates = 0;
  let nearDuplicates = 0;
  const duplicates: IngestReport["duplicates"] = [];
  if (options.dedup !== false) {
    const dd = dedupSnippets(current, {
      ...options.dedup,
      onProgress: (done, total) => onProgress({ phase: "deduplicating", done, total }),
    });
    for (const d of dd.duplicates) d.kind === "exact" ? exactDuplicates++ : nearDuplicates++;
    pushCapped(duplicates, dd.duplicates, limits.maxListed);
    current = dd.kept;
  }

  const report: IngestReport = {
    source: { kind: download ? `url:${kind}` : kind, name },
    files: { seen, kept: files.length, skipped: skippedCount, skippedByReason, skippedFiles: skipped },
    languages: languageDistribution(files, current),
    snippets: { extracted: extracted.length, tooShort, exactDuplicates, nearDuplicates, contaminated, kept: current.length, byMethod },
    tokenHistogram: tokenHistogram(current.map((s) => s.tokens), maxTokens),
    duplicates,
    contamination,
    settings: {
      maxTokens,
      minTokens,
      nearDuplicateThreshold: options.dedup === false || options.dedup?.near === false ? null : (options.dedup?.threshold ?? 0.7),
      shingleSize: (options.dedup && options.dedup.shingleSize) || 5,
      benchmarks: [...(options.contamination?.benchmarks ?? [])],
    },
    durationMs: Date.now() - started,
  };
  onProgress({ phase: "done", done: current.length, total: extracted.length });
  return { files, snippets: current, report };
}

function chooseLanguage(
  filePath: string,
  pathIsLabel: boolean,
  text: string,
  declared: string | undefined,
  overrides: IngestOptions["languageOverrides"],
): Detection {
  const override = overrides?.[filePath];
  if (override) return { language: override, source: "override" };
  if (declared !== undefined && declared.trim() !== "") {
    const language = parseLanguageName(declared);
    if (language) return { language, source: "declared" };
    return { language: null, reason: "unsupported_language", message: `${filePath}: declared language "${declared}" is not supported` };
  }
  if (!pathIsLabel) return detectLanguage(filePath, text);
  const d = detectLanguage("", text);
  return d.language === null ? { ...d, message: `${filePath}: language not recognised from its content` } : d;
}

function hashOf(content: string): string {
  return createHash("sha256").update(normalizeWhitespace(content)).digest("hex");
}
