/**
 * Memory-queue insert cost at T = 1000 (issue 4, "Measure").
 * Run: npx tsx scripts/bench/generation/memory-queue.ts [T] [offers]
 *
 * Fills an agent memory with T distinct samples (instruction ~60 words, code ~120 tokens), then
 * offers new samples (half distinct, half near-duplicates of an entry) and reports the mean
 * cost per offer. Baseline, measured in the same run: the same offers against a memory whose
 * ROUGE-L uses the textbook O(n·m) LCS table, the usual way to write it.
 */
import { createMemory, offerToMemory, type MemoryCandidate } from "@/lib/domain/memory-queue";
import { createRng } from "@/lib/domain/seeded-rng";
import { codeTokens, wordTokens } from "@/lib/domain/similarity";

const T = Number(process.argv[2] ?? 1000);
const OFFERS = Number(process.argv[3] ?? 400);
const THRESHOLD = 0.7;
const rng = createRng(2024);
const VOCAB = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919) % 100003}`);
const IDS = Array.from({ length: 400 }, (_, i) => `id${i}`);

function words(n: number): string {
  return Array.from({ length: n }, () => VOCAB[Math.floor(rng.next() ** 2 * VOCAB.length)]).join(" ");
}
function code(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rng.chance(0.4) ? rng.pick(["(", ")", "{", "}", ";", "=", "+", "return", "if", "for"]) : rng.pick(IDS));
  return out.join(" ");
}
function sample(i: number, score: number): MemoryCandidate<null> {
  return { id: `s${i}`, score, instruction: words(50 + rng.int(20)), code: code(100 + rng.int(40)), data: null };
}
function nearDuplicate(of: MemoryCandidate<null>, i: number): MemoryCandidate<null> {
  const w = of.instruction.split(" ");
  w[rng.int(w.length)] = "changed";
  return { ...of, id: `d${i}`, instruction: w.join(" ") };
}

// textbook ROUGE-L F1 with the O(n·m) table, on the same tokens
function rougeLTable(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return (2 * prev[b.length]) / (a.length + b.length);
}
function jaccard(a: string[], b: string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  let common = 0;
  for (const t of x) if (y.has(t)) common++;
  return common / (x.size + y.size - common || 1);
}
/** Baseline queue: same semantics, tokens kept per entry, table LCS. */
function baselineOffer(entries: { words: string[]; code: string[] }[], c: MemoryCandidate<null>): number {
  const w = wordTokens(c.instruction);
  const k = codeTokens(c.code);
  let best = 0;
  for (const e of entries) best = Math.max(best, rougeLTable(e.words, w), jaccard(e.code, k));
  return best;
}

const initial = Array.from({ length: T }, (_, i) => sample(i, 1 + rng.int(5)));
const offers = Array.from({ length: OFFERS }, (_, i) => (i % 2 ? nearDuplicate(rng.pick(initial), i) : sample(T + i, 1 + rng.int(5))));

let memory = createMemory(T, initial);
// warm the per-entry token cache, as a running agent's memory is
offerToMemory(memory, sample(-1, 5), { threshold: THRESHOLD });

const counts = { inserted: 0, "rejected-similar": 0, "rejected-low-score": 0 };
let t0 = performance.now();
for (const c of offers) {
  const r = offerToMemory(memory, c, { threshold: THRESHOLD });
  counts[r.outcome.kind]++;
  memory = r.memory;
}
const ours = (performance.now() - t0) / OFFERS;

const baseEntries = initial.map((e) => ({ words: wordTokens(e.instruction), code: codeTokens(e.code) }));
const baselineN = Math.min(OFFERS, 100);
t0 = performance.now();
for (const c of offers.slice(0, baselineN)) baselineOffer(baseEntries, c);
const baseline = (performance.now() - t0) / baselineN;

console.log(`memory queue, T = ${T}, ${OFFERS} offers (threshold ${THRESHOLD}, ROUGE-L on instructions, token Jaccard on code, max)`);
console.log(`  outcomes: ${JSON.stringify(counts)}`);
console.log(`  insert (offer) cost: ${ours.toFixed(3)} ms   (${((ours * 1000) / T).toFixed(2)} µs per entry compared)`);
console.log(`  baseline (table LCS, same run): ${baseline.toFixed(3)} ms per offer`);
console.log(`  ratio ours / baseline: ${(ours / baseline).toFixed(3)}  (speed-up ×${(baseline / ours).toFixed(1)})`);
