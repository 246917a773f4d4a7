// Synthetic samples for the UI benchmark: realistic sizes (instructions of a few hundred
// characters, solutions of up to ~1 KB), 8 languages, 4 parts, scores, verdicts and curation
// states in plausible proportions, a few rare words for search.
import { createRng } from "@/lib/domain/seeded-rng";
import type { Db } from "@/lib/db/client";

const LANGS = ["py", "java", "cpp", "cs", "ts", "js", "php", "sh"];
const VERBS = ["Write", "Implement", "Create", "Design", "Build", "Compose"];
const NOUNS = ["a function", "a class", "a method", "a small library", "a command-line tool", "a helper"];
const TASKS = ["that merges two sorted lists", "that parses a CSV line with quoted fields", "that computes the edit distance of two strings", "that finds the longest increasing subsequence", "that validates an IPv4 address", "that groups words by their anagram", "that evaluates an arithmetic expression", "that rotates a matrix by 90 degrees", "that counts the islands of a grid", "that schedules tasks by priority"];
const EXTRA = ["Handle empty input gracefully.", "The input may contain duplicates.", "Aim for O(n log n) time.", "Explain each step in comments.", "Return the result as a new list.", "Do not use external libraries.", "Raise an error for invalid arguments.", "Document the edge cases."];
const VERDICTS = ["ok", "ok", "ok", "ok", "exception", "syntax_error", "timeout", null, null];
const CURATION = ["pending", "pending", "pending", "pending", "pending", "pending", "pending", "accepted", "rejected", "edited"];

export const RARE_WORD = "zebrafish";

export async function seedSamples(db: Db, total: number, onProgress?: (done: number) => void): Promise<string[]> {
  const rng = createRng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)];
  const runs: string[] = [];
  for (let r = 0; r < 4; r++) runs.push((await db.run.create({ data: { name: `bench-run-${r}`, status: "succeeded", config: { languages: LANGS, seed: r } } })).id);
  for (let i = 0; i < total; i += 1000) {
    const data = Array.from({ length: Math.min(1000, total - i) }, (_, k) => {
      const n = i + k;
      const language = pick(LANGS);
      const body = Array.from({ length: 8 + Math.floor(rng.next() * 25) }, (_, l) => `    value_${l} = compute_${n % 97}(items[${l}], ${Math.floor(rng.next() * 1000)})`).join("\n");
      return {
        runId: runs[n % 4],
        part: n % 10 < 4 ? "ds1" : n % 10 < 7 ? "ds2" : n % 10 < 9 ? "ds3" : "ds4",
        language,
        instruction: `${pick(VERBS)} ${pick(NOUNS)} in ${language} ${pick(TASKS)}. ${pick(EXTRA)} ${pick(EXTRA)}${n % 5000 === 17 ? ` Use the ${RARE_WORD} ordering.` : ""}`,
        solution: `def solve_${n}(items):\n${body}\n    return value_0`,
        tests: `assert solve_${n}([1, 2, 3]) is not None`,
        score: n % 13 === 0 ? null : Math.round((1 + rng.next() * 4) * 2) / 2,
        verdict: pick(VERDICTS),
        curation: pick(CURATION),
      };
    });
    await db.sample.createMany({ data });
    onProgress?.(i + data.length);
  }
  return runs;
}
