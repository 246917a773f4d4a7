import "server-only";
import { countCodeTokens, rangeTokenCounter } from "@/lib/domain/tokenize-code";
import type { IngestLanguage } from "./languages";
import { lineWindows, tokenWindows, type TextRange } from "./line-windows";
import { hasGrammar, parserFor, type TsNode } from "./tree-sitter";

export type SplitMethod = "whole" | "tree-sitter" | "lines";

export interface SnippetPart {
  content: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  tokens: number;
  method: SplitMethod;
}

export interface SplitOptions {
  /** Upper bound on tokens per snippet (see tokenize-code.ts). Default 1024. */
  maxTokens?: number;
  /**
   * true (default): pack consecutive functions/classes into one snippet while it fits, cutting
   * only between them. false: every function/class is a snippet of its own.
   */
  packUnits?: boolean;
}

interface Unit extends TextRange {
  tokens: number;
  definition: boolean;
}

const DEFINITION =
  /(^|_)(function|method|class|interface|struct|enum|namespace|trait|constructor|record|union)(_|$)|^(decorated_definition|template_declaration|export_statement|type_declaration|impl_item|module|singleton_method)$/;

/**
 * Splits a file into snippets of at most `maxTokens` tokens. A file that fits is one snippet.
 * Otherwise the tree-sitter syntax tree is cut between top-level nodes (functions, classes,
 * statements), descending into a node only when it alone is too big (a class into its methods);
 * the comments and imports before a function or class go with it.
 * Without a parse tree, or for a leaf node still too big, whole-line windows are used.
 */
export async function splitIntoSnippets(
  content: string,
  language: IngestLanguage,
  options: SplitOptions = {},
): Promise<SnippetPart[]> {
  const maxTokens = options.maxTokens ?? 1024;
  // Most files fit: counting the trimmed file once decides it.
  const whole = finish(content, [{ start: 0, end: content.length }], "whole", maxTokens, 2);
  if (whole.length === 0 || (whole.length === 1 && whole[0].tokens <= maxTokens)) return whole;

  let root: TsNode | null = null;
  try {
    // Languages without a grammar (Lua, Perl, R, Racket, Scala, D...) get line windows.
    if (hasGrammar(language)) root = (await parserFor(language)).parse(content)?.rootNode ?? null;
  } catch {
    root = null; // a grammar that fails to load or parse falls back to line windows
  }
  if (!root) return finish(content, lineWindows(content, maxTokens), "lines", maxTokens);

  const units: Unit[] = [];
  const tokensIn = rangeTokenCounter(content);
  collectUnits(root, content, tokensIn, maxTokens, units);
  const grouped = groupWithPreamble(attachGaps(units, content, tokensIn), maxTokens);
  const ranges = options.packUnits === false ? perDefinition(grouped, maxTokens) : pack(grouped, maxTokens);
  return finish(content, ranges, "tree-sitter", maxTokens);
}

type TokensIn = (start: number, end: number) => number;

function collectUnits(node: TsNode, text: string, tokensIn: TokensIn, maxTokens: number, out: Unit[]): void {
  for (const child of node.children) {
    if (!child || child.endIndex <= child.startIndex) continue;
    const tokens = tokensIn(child.startIndex, child.endIndex);
    if (tokens <= maxTokens) {
      out.push({ start: child.startIndex, end: child.endIndex, tokens, definition: isDefinition(child, text) });
    } else if (child.childCount > 0) {
      collectUnits(child, text, tokensIn, maxTokens, out);
    } else {
      for (const r of lineWindows(text, maxTokens, child.startIndex, child.endIndex))
        out.push({ ...r, tokens: tokensIn(r.start, r.end), definition: false });
    }
  }
}

function isDefinition(node: TsNode, text: string): boolean {
  if (DEFINITION.test(node.type)) return true;
  // JS/TS: `const f = (x) => ...`, `var C = class {...}`
  return /^(lexical|variable)_declaration$/.test(node.type) && /=>|\bfunction\b|\bclass\b/.test(text.slice(node.startIndex, node.endIndex));
}

/** Extends each unit back to the end of the previous one, so the units tile the text. */
function attachGaps(units: Unit[], text: string, tokensIn: TokensIn): Unit[] {
  let prevEnd = 0;
  const out = units.map((u) => {
    const start = Math.min(prevEnd, u.start);
    prevEnd = u.end;
    return start === u.start ? u : { ...u, start, tokens: tokensIn(start, u.end) };
  });
  if (out.length > 0 && prevEnd < text.length) {
    const last = out[out.length - 1];
    out[out.length - 1] = { ...last, end: text.length, tokens: tokensIn(last.start, text.length) };
  }
  return out;
}

/**
 * Joins each definition with the comments, imports and statements right before it (back to the
 * previous definition), as far as the bound allows, so a cut never separates them.
 */
function groupWithPreamble(units: Unit[], maxTokens: number): Unit[] {
  const out: Unit[] = [];
  let pending: Unit[] = [];
  let pendingTokens = 0;
  for (const u of units) {
    if (!u.definition) {
      pending.push(u);
      pendingTokens += u.tokens;
      continue;
    }
    // Unit counts add up (almost exactly: finish() re-checks the bound on the final text).
    let from = 0;
    while (from < pending.length && pendingTokens + u.tokens > maxTokens) {
      out.push(pending[from]);
      pendingTokens -= pending[from++].tokens;
    }
    const start = from < pending.length ? pending[from].start : u.start;
    out.push({ start, end: u.end, tokens: pendingTokens + u.tokens, definition: true });
    pending = [];
    pendingTokens = 0;
  }
  out.push(...pending);
  return out;
}

function pack(units: Unit[], maxTokens: number): TextRange[] {
  const out: TextRange[] = [];
  let cur: Unit[] = [];
  let curTokens = 0;
  for (const u of units) {
    if (cur.length > 0 && curTokens + u.tokens > maxTokens) {
      out.push(span(cur));
      cur = [];
      curTokens = 0;
    }
    cur.push(u);
    curTokens += u.tokens;
  }
  if (cur.length > 0) out.push(span(cur));
  return out;
}

/** Each definition (with its preamble) alone; the statements between them packed. */
function perDefinition(units: Unit[], maxTokens: number): TextRange[] {
  const out: TextRange[] = [];
  let glue: Unit[] = [];
  for (const u of units) {
    if (!u.definition) {
      glue.push(u);
      continue;
    }
    out.push(...pack(glue, maxTokens), span([u]));
    glue = [];
  }
  out.push(...pack(glue, maxTokens));
  return out;
}

function span(units: Unit[]): TextRange {
  return { start: units[0].start, end: units[units.length - 1].end };
}

/** Trims blank edges, drops empty parts, re-checks the bound, and numbers lines. */
function finish(text: string, ranges: TextRange[], method: SplitMethod, maxTokens: number, depth = 0): SnippetPart[] {
  // Ranges come in text order, so line numbers are counted forward from a cursor.
  let cursor = 0;
  let cursorLine = 1;
  const lineOf = (offset: number) => {
    if (offset < cursor) {
      cursor = 0;
      cursorLine = 1;
    }
    for (let i = text.indexOf("\n", cursor); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) cursorLine++;
    cursor = offset;
    return cursorLine;
  };
  const out: SnippetPart[] = [];
  for (const r of ranges) {
    let { start, end } = r;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) continue;
    // Start at the beginning of the line so indentation is kept.
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, start))) start = lineStart;
    const content = text.slice(start, end);
    const tokens = countCodeTokens(content);
    if (tokens > maxTokens && depth < 2) {
      // The per-unit counts are additive only approximately; re-cut the rare overshoot.
      const again = depth === 0 ? lineWindows(text, maxTokens, start, end) : tokenWindows(text, maxTokens, start, end);
      out.push(...finish(text, again, "lines", maxTokens, depth + 1));
      continue;
    }
    out.push({ content, startLine: lineOf(start), endLine: lineOf(end - 1), tokens, method });
  }
  return out;
}
