/**
 * The one table of language ids: MultiPL-E's short ids (the languages the sandbox runs, corpora
 * hold, runs generate and evaluations score), and for each the name prompts use, its Markdown
 * fence and its Monaco id. A language outside the table still works: it is named by its id,
 * fenced with its id and shown as plain text.
 */
/** The paper's eight languages (its Table 1 and its average). */
export const PAPER_LANGUAGES = ["py", "java", "cpp", "cs", "ts", "js", "php", "sh"] as const;
/** MultiPL-E languages whose toolchains Debian 12 ships (`npm run setup` installs them). */
export const MORE_LANGUAGES = ["go", "rs", "rb", "lua", "pl", "r", "rkt", "scala", "d"] as const;
/** MultiPL-E languages with data but no Debian 12 toolchain: the sandbox says what to install. */
export const MANUAL_LANGUAGES = ["jl", "swift"] as const;
export const MULTIPLE_LANGUAGES = [...PAPER_LANGUAGES, ...MORE_LANGUAGES, ...MANUAL_LANGUAGES] as const;
export type MultiplELanguage = (typeof MULTIPLE_LANGUAGES)[number];

/** The languages of a generation run unless the config says otherwise. */
export const DEFAULT_LANGUAGES = PAPER_LANGUAGES;

/**
 * High- and low-resource languages, after MultiPL-E / MultiPL-T's framing (Cassano et al.), which
 * ranks languages by how much public code they have: here "high" is the languages with tens of GB
 * or more in The Stack (the big mainstream ones), "low" the rest (Bash, Lua, Perl, R, Racket,
 * Scala, D, Julia, Swift). The split the paper's open question 2 asks about; approximate, not a
 * table copied from those papers.
 */
const HIGH_RESOURCE = new Set<string>(["py", "java", "cpp", "cs", "ts", "js", "php", "go", "rb", "rs"]);
export type ResourceGroup = "high" | "low";
export function resourceGroup(id: string): ResourceGroup {
  return HIGH_RESOURCE.has(id) ? "high" : "low";
}

interface LanguageInfo {
  name: string;
  fence: string;
  monaco: string;
}

const INFO: Record<string, LanguageInfo> = {
  py: { name: "Python", fence: "python", monaco: "python" },
  java: { name: "Java", fence: "java", monaco: "java" },
  cpp: { name: "C++", fence: "cpp", monaco: "cpp" },
  cs: { name: "C#", fence: "csharp", monaco: "csharp" },
  ts: { name: "TypeScript", fence: "typescript", monaco: "typescript" },
  js: { name: "JavaScript", fence: "javascript", monaco: "javascript" },
  php: { name: "PHP", fence: "php", monaco: "php" },
  sh: { name: "Bash", fence: "bash", monaco: "shell" },
  go: { name: "Go", fence: "go", monaco: "go" },
  rs: { name: "Rust", fence: "rust", monaco: "rust" },
  rb: { name: "Ruby", fence: "ruby", monaco: "ruby" },
  kt: { name: "Kotlin", fence: "kotlin", monaco: "kotlin" },
  swift: { name: "Swift", fence: "swift", monaco: "swift" },
  scala: { name: "Scala", fence: "scala", monaco: "scala" },
  r: { name: "R", fence: "r", monaco: "r" },
  lua: { name: "Lua", fence: "lua", monaco: "lua" },
  pl: { name: "Perl", fence: "perl", monaco: "perl" },
  rkt: { name: "Racket", fence: "racket", monaco: "scheme" },
  d: { name: "D", fence: "d", monaco: "plaintext" },
  jl: { name: "Julia", fence: "julia", monaco: "julia" },
};

export function languageName(id: string): string {
  return INFO[id]?.name ?? id;
}

/** The Markdown code-fence name of a language id. */
export function fenceName(id: string): string {
  return INFO[id]?.fence ?? id;
}

/** Monaco's language id for a language id ("plaintext" when Monaco has none). */
export function monacoLanguage(id: string): string {
  return INFO[id]?.monaco ?? "plaintext";
}
