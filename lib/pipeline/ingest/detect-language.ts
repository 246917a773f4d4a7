import type { IngestLanguage } from "./languages";

export type LanguageSource = "override" | "declared" | "extension" | "shebang" | "content";

export type Detection =
  | { language: IngestLanguage; source: LanguageSource }
  | { language: null; reason: "unsupported_language" | "unknown_language"; message: string };

const EXTENSIONS: Record<string, IngestLanguage> = {
  ".py": "py", ".pyw": "py", ".pyi": "py",
  ".java": "java",
  ".cpp": "cpp", ".cc": "cpp", ".cxx": "cpp", ".c++": "cpp", ".hpp": "cpp", ".hh": "cpp", ".hxx": "cpp", ".h++": "cpp", ".ipp": "cpp",
  ".cs": "cs",
  ".ts": "ts", ".tsx": "ts", ".mts": "ts", ".cts": "ts",
  ".js": "js", ".jsx": "js", ".mjs": "js", ".cjs": "js",
  ".php": "php", ".phtml": "php",
  ".sh": "sh", ".bash": "sh",
  ".go": "go",
  ".rs": "rs",
  ".rb": "rb", ".rake": "rb", ".gemspec": "rb",
  ".lua": "lua",
  ".pl": "pl", ".pm": "pl", ".t": "pl",
  ".r": "r",
  ".rkt": "rkt", ".rktl": "rkt",
  ".scala": "scala", ".sc": "scala",
  ".d": "d",
  ".jl": "jl",
  ".swift": "swift",
};

const SHEBANGS: [RegExp, IngestLanguage][] = [
  [/\bpython[0-9.]*\b/, "py"],
  [/\b(node|nodejs|bun)\b/, "js"],
  [/\b(ts-node|tsx|deno)\b/, "ts"],
  [/\bphp\b/, "php"],
  [/\bruby[0-9.]*\b/, "rb"],
  [/\bperl[0-9.]*\b/, "pl"],
  [/\blua[0-9.]*\b/, "lua"],
  [/\bRscript\b/i, "r"],
  [/\bracket\b/, "rkt"],
  [/\bjulia\b/, "jl"],
  [/\bscala\b/, "scala"],
  [/\b(rdmd|dmd|ldc2|gdc)\b/, "d"],
  [/\b(bash|sh|dash|ksh)\b/, "sh"],
];

/** Per-language evidence for content detection; the highest total ≥ 2 wins. */
const CONTENT_RULES: [IngestLanguage, RegExp, number][] = [
  ["php", /^\s*<\?php\b/, 10],
  ["cpp", /^\s*#\s*include\s*[<"]/m, 2],
  ["cpp", /\bstd::|\btemplate\s*<|\bnamespace\s+\w+\s*\{|\bcout\s*<<|\b(public|private|protected):/, 2],
  ["cs", /^\s*using\s+System(\.[\w.]+)?\s*;/m, 3],
  ["cs", /\bConsole\.Write(Line)?\(|\bnamespace\s+[\w.]+\s*[{;]|\b(string|bool)\s+\w+\s*[=;,)]/, 2],
  ["java", /^\s*package\s+[\w.]+\s*;/m, 3],
  ["java", /^\s*import\s+java(x)?\.[\w.*]+\s*;/m, 3],
  ["java", /\bSystem\.out\.print|\bpublic\s+static\s+void\s+main\s*\(\s*String/, 3],
  ["py", /^\s*def\s+\w+\s*\([^)]*\)\s*(->\s*[^:]+)?:\s*$/m, 3],
  ["py", /^\s*(from\s+[\w.]+\s+import\s+\w|import\s+\w+(\s+as\s+\w+)?\s*$)/m, 2],
  ["py", /^\s*class\s+\w+(\([^)]*\))?\s*:\s*$|\bself\.\w+|\bprint\(|\belif\b|\bNone\b/m, 1],
  ["ts", /\binterface\s+\w+\s*\{|\btype\s+\w+\s*=|:\s*(string|number|boolean|void|any)\b|\bimport\s+type\b/, 3],
  ["js", /\b(const|let|var)\s+\w+\s*=|\bfunction\s+\w+\s*\(|=>|\brequire\(|\bconsole\.log\(|\bmodule\.exports\b/, 2],
  ["ts", /\b(const|let|var)\s+\w+\s*=|\bfunction\s+\w+\s*\(|=>|\bconsole\.log\(/, 1],
  ["sh", /^\s*(if\s+\[|fi\s*$|then\s*$|esac\s*$|done\s*$|echo\s|export\s+\w+=|local\s+\w+)/m, 2],
  ["sh", /\$\{?\w+\}?|\$\(/, 1],
  ["go", /^\s*package\s+\w+\s*$/m, 3],
  ["go", /^\s*func\s+(\(\w+\s+\*?\w+\)\s*)?\w+\s*\(|:=/m, 2],
  ["rs", /^\s*(pub\s+)?fn\s+\w+\s*(<[^>]*>)?\s*\(|\blet\s+mut\b|\bimpl\b|println!\(/m, 3],
  ["rkt", /^\s*#lang\s+racket\b/m, 10],
  ["pl", /^\s*use\s+strict\s*;|^\s*my\s+[$@%]\w+|^\s*sub\s+\w+\s*\{/m, 3],
  ["rb", /^\s*def\s+\w+[?!]?(\(.*\))?\s*$[\s\S]*^\s*end\s*$|^\s*require\s+'[\w/]+'\s*$|\bputs\s/m, 3],
  ["lua", /^\s*local\s+(function\s+\w+|\w+\s*=)/m, 2],
  ["lua", /\bthen\s*$|~=|^\s*end\s*$/m, 2],
  ["r", /\w+\s*<-\s*function\s*\(|\blibrary\(\w+\)|\bstopifnot\(/, 3],
];

/**
 * Decides a file's language from, in order: its extension, its shebang line, then content
 * heuristics (only for files without an extension). Files in other languages come back with a
 * reason instead of a language.
 */
export function detectLanguage(path: string, content: string): Detection {
  const base = path.split("/").pop() ?? path;
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot).toLowerCase() : "";
  if (ext && EXTENSIONS[ext]) return { language: EXTENSIONS[ext], source: "extension" };
  if (ext === ".h") {
    const byContent = fromContent(content);
    if (byContent === "cpp") return { language: "cpp", source: "content" };
    return { language: null, reason: "unsupported_language", message: `${base}: a C header (no C++ constructs found)` };
  }
  const shebang = fromShebang(content);
  if (shebang) return { language: shebang, source: "shebang" };
  if (ext) return { language: null, reason: "unsupported_language", message: `${base}: "${ext}" files are not one of the supported languages` };
  const guessed = fromContent(content);
  if (guessed) return { language: guessed, source: "content" };
  return { language: null, reason: "unknown_language", message: `${base}: language not recognised from its name or content` };
}

function fromShebang(content: string): IngestLanguage | null {
  if (!content.startsWith("#!")) return null;
  const line = content.slice(0, content.indexOf("\n") >>> 0).toLowerCase();
  for (const [re, lang] of SHEBANGS) if (re.test(line)) return lang;
  return null;
}

/** Content heuristics over the first 16 KB; null when no language gets enough evidence. */
export function fromContent(content: string): IngestLanguage | null {
  const head = content.slice(0, 16_384);
  const scores = new Map<IngestLanguage, number>();
  for (const [lang, re, weight] of CONTENT_RULES) if (re.test(head)) scores.set(lang, (scores.get(lang) ?? 0) + weight);
  let best: IngestLanguage | null = null;
  let bestScore = 1;
  for (const [lang, score] of scores) if (score > bestScore) [best, bestScore] = [lang, score];
  return best;
}
