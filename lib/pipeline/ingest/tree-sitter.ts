import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import type { IngestLanguage } from "./languages";

/**
 * Tree-sitter parsers from `@vscode/tree-sitter-wasm`, which ships the web-tree-sitter runtime
 * (0.25) and the grammars built together, so their ABI always matches. Loaded lazily once per
 * process; everything is WebAssembly, so nothing is compiled on install.
 */
type TreeSitterModule = typeof import("@vscode/tree-sitter-wasm");
export type TsParser = InstanceType<TreeSitterModule["Parser"]>;
export type TsNode = NonNullable<ReturnType<TsParser["parse"]>>["rootNode"];

/** The grammars `@vscode/tree-sitter-wasm` ships; a language without one is cut into line windows. */
const GRAMMAR_FILES: Partial<Record<IngestLanguage, string>> = {
  py: "tree-sitter-python.wasm",
  java: "tree-sitter-java.wasm",
  cpp: "tree-sitter-cpp.wasm",
  cs: "tree-sitter-c-sharp.wasm",
  ts: "tree-sitter-typescript.wasm",
  js: "tree-sitter-javascript.wasm",
  php: "tree-sitter-php.wasm",
  sh: "tree-sitter-bash.wasm",
  go: "tree-sitter-go.wasm",
  rs: "tree-sitter-rust.wasm",
  rb: "tree-sitter-ruby.wasm",
};

export function hasGrammar(language: IngestLanguage): boolean {
  return GRAMMAR_FILES[language] !== undefined;
}

let runtime: Promise<{ ts: TreeSitterModule; dir: string }> | null = null;
const parsers = new Map<IngestLanguage, Promise<TsParser>>();

function loadRuntime(): Promise<{ ts: TreeSitterModule; dir: string }> {
  runtime ??= (async () => {
    // Resolved from the project root at run time rather than imported, so that bundlers leave
    // the .wasm files where npm put them.
    const req = createRequire(path.join(process.cwd(), "package.json"));
    const entry = req.resolve("@vscode/tree-sitter-wasm");
    const ts = req(entry) as TreeSitterModule;
    const dir = path.dirname(entry);
    await ts.Parser.init({ locateFile: (file: string) => path.join(dir, file) });
    return { ts, dir };
  })();
  return runtime;
}

/** A parser for `language` (cached; the first call per language loads its grammar). */
export function parserFor(language: IngestLanguage): Promise<TsParser> {
  let p = parsers.get(language);
  if (!p) {
    p = (async () => {
      const file = GRAMMAR_FILES[language];
      if (!file) throw new Error(`no tree-sitter grammar for ${language}`);
      const { ts, dir } = await loadRuntime();
      const grammar = await ts.Language.load(path.join(dir, file));
      const parser = new ts.Parser();
      parser.setLanguage(grammar);
      return parser;
    })();
    p.catch(() => parsers.delete(language));
    parsers.set(language, p);
  }
  return p;
}
