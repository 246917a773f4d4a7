import { createHash } from "node:crypto";
import { NearDuplicateFinder, shinglesOfHashes } from "@/lib/domain/minhash";
import { normalizeWhitespace, tokenHashes } from "@/lib/domain/tokenize-code";

/**
 * The export's dedup of instruction samples, as SelfCodeAlign and Magicoder clean their final
 * data: exact duplicates first (same instruction and code up to whitespace), then near duplicates
 * by MinHash with the exact Jaccard confirming (lib/domain/minhash.ts, as the corpus's dedup):
 * a sample whose instruction (word 5-grams) or whose code (token 5-grams) is ≥ threshold similar
 * to a sample kept before it is dropped. The first of each group is kept, in export order.
 * Samples are compared within their language only: the same task in Python and in Java is two
 * examples of a multilingual dataset, not one twice.
 */

export interface DedupItem { id: string; language: string; instruction: string; code: string }

export type DuplicateKind = "exact" | "near-instruction" | "near-code";
export interface DroppedDuplicate { id: string; duplicateOf: string; kind: DuplicateKind; similarity: number }

export interface ExportDedupReport {
  enabled: boolean;
  threshold: number;
  checked: number;
  removed: number;
  byKind: Record<DuplicateKind, number>;
  /** the first ones dropped, for the card (all of them are in `removed`) */
  examples: DroppedDuplicate[];
}

export const EXPORT_DEDUP_THRESHOLD = 0.7;
const SHINGLE = 5;
const EXAMPLES = 20;

export function dedupExportSamples(items: readonly DedupItem[], threshold = EXPORT_DEDUP_THRESHOLD): { kept: string[]; dropped: DroppedDuplicate[]; report: ExportDedupReport } {
  const exact = new Map<string, string>();
  const finders = new Map<string, { instructions: NearDuplicateFinder<string>; codes: NearDuplicateFinder<string> }>();
  const kept: string[] = [];
  const dropped: DroppedDuplicate[] = [];
  for (const s of items) {
    const key = createHash("sha256").update(s.language).update("\0").update(normalizeWhitespace(s.instruction)).update("\0").update(normalizeWhitespace(s.code)).digest("base64");
    const same = exact.get(key);
    if (same) {
      dropped.push({ id: s.id, duplicateOf: same, kind: "exact", similarity: 1 });
      continue;
    }
    exact.set(key, s.id);
    let own = finders.get(s.language);
    if (!own) finders.set(s.language, (own = { instructions: new NearDuplicateFinder<string>(threshold), codes: new NearDuplicateFinder<string>(threshold) }));
    const { instructions, codes } = own;
    const iShingles = shinglesOfHashes(tokenHashes(s.instruction, "words"), SHINGLE);
    const i = instructions.match(iShingles);
    if (i.item) {
      dropped.push({ id: s.id, duplicateOf: i.item, kind: "near-instruction", similarity: i.similarity });
      continue;
    }
    const cShingles = shinglesOfHashes(tokenHashes(s.code, "code"), SHINGLE);
    const c = codes.match(cShingles);
    if (c.item) {
      dropped.push({ id: s.id, duplicateOf: c.item, kind: "near-code", similarity: c.similarity });
      continue;
    }
    instructions.add(s.id, iShingles, i.signature);
    codes.add(s.id, cShingles, c.signature);
    kept.push(s.id);
  }
  const byKind = { exact: 0, "near-instruction": 0, "near-code": 0 };
  for (const d of dropped) byKind[d.kind]++;
  return { kept, dropped, report: { enabled: true, threshold, checked: items.length, removed: dropped.length, byKind, examples: dropped.slice(0, EXAMPLES) } };
}

export function dedupOff(checked: number): ExportDedupReport {
  return { enabled: false, threshold: EXPORT_DEDUP_THRESHOLD, checked, removed: 0, byKind: { exact: 0, "near-instruction": 0, "near-code": 0 }, examples: [] };
}
