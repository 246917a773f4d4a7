import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The runtime import graph of a source tree, and its cycles. Edges are the imports that load a
 * module when this one loads: `import ... from`, `import "x"`, `export ... from`. Not counted:
 * `import type` / `export type` and imports whose every name is `type` (TypeScript erases them,
 * so they cannot make a load-order cycle), and dynamic `import()` (it runs later, after both
 * modules finished loading). `@/x` resolves to `<root>/x` as tsconfig's `paths` says.
 */
export interface ImportGraph {
  files: string[];
  edges: Map<string, string[]>;
}

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveSpecifier(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package
  if (/\.tsx?$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** The specifiers this file loads at runtime (see above for what is left out). */
export function runtimeImports(fileName: string, text: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypeNames = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypeNames) continue;
      out.push(st.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      if (st.isTypeOnly) continue;
      const clause = st.exportClause;
      if (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)) continue;
      out.push(st.moduleSpecifier.text);
    }
  }
  return out;
}

function listSources(dir: string, skip: (file: string) => boolean, acc: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) listSources(full, skip, acc);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts") && !skip(full)) acc.push(full);
  }
  return acc;
}

/** The graph of `dirs` (relative to root); edges leaving them are dropped. */
export function importGraph(root: string, dirs: string[], skip: (file: string) => boolean = () => false): ImportGraph {
  const files = dirs.flatMap((d) => listSources(path.join(root, d), skip));
  const inGraph = new Set(files);
  const edges = new Map<string, string[]>();
  for (const f of files) {
    const targets = runtimeImports(f, readFileSync(f, "utf8"))
      .map((s) => resolveSpecifier(root, f, s))
      .filter((t): t is string => t !== null && inGraph.has(t));
    edges.set(f, [...new Set(targets)]);
  }
  return { files, edges };
}

/** Every strongly connected set of two or more files (or a file importing itself): each is a cycle. Tarjan's algorithm, iterative. */
export function importCycles(g: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of g.files) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, next); low.set(start, next); next++;
    stack.push(start); onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const targets = g.edges.get(top.node) ?? [];
      if (top.i < targets.length) {
        const t = targets[top.i++];
        if (!index.has(t)) {
          index.set(t, next); low.set(t, next); next++;
          stack.push(t); onStack.add(t);
          work.push({ node: t, i: 0 });
        } else if (onStack.has(t)) low.set(top.node, Math.min(low.get(top.node)!, index.get(t)!));
        continue;
      }
      work.pop();
      if (work.length) { const parent = work[work.length - 1].node; low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!)); }
      if (low.get(top.node) === index.get(top.node)) {
        const scc: string[] = [];
        let n: string;
        do { n = stack.pop()!; onStack.delete(n); scc.push(n); } while (n !== top.node);
        if (scc.length > 1 || (g.edges.get(top.node) ?? []).includes(top.node)) cycles.push(scc.sort());
      }
    }
  }
  return cycles;
}
