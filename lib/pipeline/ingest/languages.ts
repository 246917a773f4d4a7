/**
 * The languages a corpus may hold: MultiPL-E's codes. Adding a language means one entry here,
 * one in the extension/shebang tables of detect-language.ts and a grammar in tree-sitter.ts
 * where @vscode/tree-sitter-wasm has one (else snippets are cut into line windows).
 */
import { MULTIPLE_LANGUAGES } from "@/lib/domain/language-names";
export const INGEST_LANGUAGES = MULTIPLE_LANGUAGES;
export type IngestLanguage = (typeof INGEST_LANGUAGES)[number];

const ALIASES: Record<string, IngestLanguage> = {
  py: "py", python: "py", python3: "py",
  java: "java",
  cpp: "cpp", "c++": "cpp", cxx: "cpp", cc: "cpp",
  cs: "cs", "c#": "cs", csharp: "cs", "c-sharp": "cs",
  ts: "ts", typescript: "ts", tsx: "ts",
  js: "js", javascript: "js", node: "js", jsx: "js",
  php: "php",
  sh: "sh", bash: "sh", shell: "sh",
  go: "go", golang: "go",
  rs: "rs", rust: "rs",
  rb: "rb", ruby: "rb",
  lua: "lua",
  pl: "pl", perl: "pl",
  r: "r",
  rkt: "rkt", racket: "rkt",
  scala: "scala",
  d: "d", dlang: "d",
  jl: "jl", julia: "jl",
  swift: "swift",
};

/** Maps a declared language name ("Python", "C#", "shell", "py") to its code, or null. */
export function parseLanguageName(name: string): IngestLanguage | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

export function isIngestLanguage(x: string): x is IngestLanguage {
  return (INGEST_LANGUAGES as readonly string[]).includes(x);
}
