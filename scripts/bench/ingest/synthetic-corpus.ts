import { jaccardSorted, shingleHashes } from "@/lib/domain/minhash";
import { codeTokens, lowerWords } from "@/lib/domain/tokenize-code";
import type { BenchmarkItem } from "@/lib/pipeline/ingest/benchmarks";
import type { IngestLanguage } from "@/lib/pipeline/ingest/languages";

/**
 * A deterministic synthetic corpus: random functions in the 8 languages, plus planted exact
 * duplicates, near duplicates (exact shingle Jaccard ≥ minNearSimilarity to their original)
 * and benchmark copies embedded in other code.
 */
export interface SyntheticRecord {
  path: string;
  language: IngestLanguage;
  content: string;
}

export interface Planted {
  exact: Map<string, string>; // copy path → original path
  near: Map<string, { of: string; similarity: number }>;
  contaminated: Map<string, { benchmark: string; itemId: string; how: "copy" | "docstring" }>;
}

const EXT: Partial<Record<IngestLanguage, string>> = { py: "py", java: "java", cpp: "cpp", cs: "cs", ts: "ts", js: "js", php: "php", sh: "sh" };
const LANGS = Object.keys(EXT) as IngestLanguage[];

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCorpus(
  opts: { total: number; exactCopies: number; nearCopies: number; contaminations: number; seed?: number; minNearSimilarity?: number },
  benchmarks: BenchmarkItem[],
): { records: SyntheticRecord[]; planted: Planted } {
  const rnd = mulberry32(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const syll = ["ka", "lo", "mi", "ne", "tor", "vex", "zu", "pra", "den", "sil", "qua", "rim", "bo", "fen", "gal", "hux"];
  const vocab = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syll)).join(""));
  const ident = () => `${pick(vocab)}${rnd() < 0.3 ? `_${pick(vocab)}` : ""}`;
  const minNear = opts.minNearSimilarity ?? 0.75;

  const statement = (lang: IngestLanguage, vars: string[]): string => {
    const a = pick(vars);
    const b = pick(vars);
    const n = Math.floor(rnd() * 1000);
    const op = pick(["+", "-", "*", "%", "^"]);
    const call = ident();
    switch (lang) {
      case "py":
        return pick([`${a} = ${b} ${op} ${n}`, `if ${a} > ${n}:\n        ${b} = ${call}(${a})`, `${a} = ${call}(${b}, ${n})`]);
      case "sh":
        return pick([`${a}=$(( ${b} ${op} ${n} ))`, `if [ "$${a}" -gt ${n} ]; then ${b}=$(${call} "$${a}"); fi`, `${a}=$(${call} "$${b}" ${n})`]);
      case "php":
        return pick([`$${a} = $${b} ${op} ${n};`, `if ($${a} > ${n}) { $${b} = ${call}($${a}); }`, `$${a} = ${call}($${b}, ${n});`]);
      default:
        return pick([`${a} = ${b} ${op} ${n};`, `if (${a} > ${n}) { ${b} = ${call}(${a}); }`, `${a} = ${call}(${b}, ${n});`]);
    }
  };

  const fn = (lang: IngestLanguage): string => {
    const name = ident();
    const vars = Array.from({ length: 3 + Math.floor(rnd() * 4) }, ident);
    const body = Array.from({ length: 3 + Math.floor(rnd() * 25) }, () => statement(lang, vars));
    const [p, q] = vars;
    switch (lang) {
      case "py":
        return `def ${name}(${p}, ${q}):\n    ${vars.slice(2).map((v) => `${v} = 0`).join("\n    ")}\n    ${body.join("\n    ")}\n    return ${p}\n`;
      case "sh":
        return `${name}() {\n  local ${p}="$1" ${q}="$2"\n  ${body.join("\n  ")}\n  echo "$${p}"\n}\n`;
      case "php":
        return `<?php\nfunction ${name}($${p}, $${q}) {\n    ${body.join("\n    ")}\n    return $${p};\n}\n`;
      case "java":
      case "cs":
        return `class ${name[0].toUpperCase()}${name.slice(1)} {\n    static int ${name}(int ${p}, int ${q}) {\n        int ${vars.slice(2).join(" = 0, ")} = 0;\n        ${body.join("\n        ")}\n        return ${p};\n    }\n}\n`;
      case "cpp":
        return `int ${name}(int ${p}, int ${q}) {\n    int ${vars.slice(2).join(" = 0, ")} = 0;\n    ${body.join("\n    ")}\n    return ${p};\n}\n`;
      case "ts":
        return `export function ${name}(${p}: number, ${q}: number): number {\n  let ${vars.slice(2).join(" = 0, ")} = 0;\n  ${body.join("\n  ")}\n  return ${p};\n}\n`;
      case "js":
        return `function ${name}(${p}, ${q}) {\n  let ${vars.slice(2).join(" = 0, ")} = 0;\n  ${body.join("\n  ")}\n  return ${p};\n}\n`;
      default:
        throw new Error(`the synthetic corpus has no generator for ${lang}`);
    }
  };

  const records: SyntheticRecord[] = [];
  const planted: Planted = { exact: new Map(), near: new Map(), contaminated: new Map() };
  const add = (language: IngestLanguage, content: string) => {
    const path = `s${records.length}.${EXT[language]}`;
    records.push({ path, language, content });
    return path;
  };
  const baseCount = opts.total - opts.exactCopies - opts.nearCopies - opts.contaminations;
  for (let i = 0; i < baseCount; i++) {
    const lang = LANGS[i % LANGS.length];
    add(lang, fn(lang));
  }
  const jac = (x: string, y: string) => jaccardSorted(shingleHashes(codeTokens(x), 5), shingleHashes(codeTokens(y), 5));

  for (let i = 0; i < opts.exactCopies; i++) {
    const orig = records[Math.floor(rnd() * baseCount)];
    const copy = orig.content.replace(/\n/g, rnd() < 0.5 ? "\r\n" : "\n\n").replace(/ {4}/g, "\t") + "  \n";
    planted.exact.set(add(orig.language, copy), orig.path);
  }
  for (let i = 0; i < opts.nearCopies; i++) {
    for (;;) {
      const orig = records[Math.floor(rnd() * baseCount)];
      const lines = orig.content.split("\n");
      const at = 1 + Math.floor(rnd() * (lines.length - 2));
      const edited = [...lines];
      if (rnd() < 0.5) edited.splice(at, 1);
      else edited.splice(at, 0, lines[at].replace(/\d+/, String(Math.floor(rnd() * 1e6))));
      const copy = edited.join("\n");
      const similarity = jac(orig.content, copy);
      if (similarity < minNear || similarity === 1) continue;
      planted.near.set(add(orig.language, copy), { of: orig.path, similarity });
      break;
    }
  }
  const benchLang = (b: BenchmarkItem): IngestLanguage => {
    const m = /humaneval-(py|java|cpp|cs|ts|js|php|sh)$/.exec(b.benchmark);
    return m ? (m[1] as IngestLanguage) : "py";
  };
  const docstrings = benchmarks.filter((b) => b.benchmark === "HumanEval" && b.prompt && lowerWords(b.prompt).length >= 24);
  for (let i = 0; i < opts.contaminations; i++) {
    if (i % 4 === 3 && docstrings.length > 0) {
      // 12 consecutive words of a HumanEval prompt in a comment: only the 10-gram rule sees it
      // (a window of only one- or two-digit numbers is no evidence by design: draw again)
      let item: BenchmarkItem;
      let words: string[];
      let from: number;
      do {
        item = pick(docstrings);
        words = lowerWords(item.prompt!);
        from = Math.floor(words.length / 2 + rnd() * (words.length / 2 - 12));
      } while (words.slice(from, from + 12).every((w) => /^\d{1,2}$/.test(w)));
      const before = fn("py");
      const path = add("py", `# ${words.slice(from, from + 12).join(" ").toUpperCase()}\n${before}`);
      planted.contaminated.set(path, { benchmark: item.benchmark, itemId: item.id, how: "docstring" });
      continue;
    }
    const item = pick(benchmarks);
    const lang = benchLang(item);
    const copy = `${item.prompt ?? ""}${item.solution ?? ""}`;
    const path = add(lang, `${fn(lang)}\n${rnd() < 0.5 ? copy : copy.toLowerCase()}\n${fn(lang)}`);
    planted.contaminated.set(path, { benchmark: item.benchmark, itemId: item.id, how: "copy" });
  }
  return { records, planted };
}
