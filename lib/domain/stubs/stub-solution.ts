/**
 * A stub of a solution: the same declarations with every function's body replaced by a default
 * return (None, undefined, 0/false/null, {}), constructors kept. A sample's tests that still
 * pass against the stub assert nothing about the solution: they are vacuous. Pure over a
 * tree-sitter syntax tree (parsing is the caller's I/O); one rule set per language.
 */

/** The parts of a tree-sitter node this module reads. */
export interface SyntaxNode {
  type: string;
  text: string;
  startIndex: number;
  endIndex: number;
  hasError: boolean;
  namedChildren: (SyntaxNode | null)[];
  childForFieldName(name: string): SyntaxNode | null;
}

export type StubResult = { ok: true; stub: string; stubbed: number } | { ok: false; reason: string };

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What to do with one node: replace parts of it (and stop), or null to look inside it. */
type Rule = (node: SyntaxNode) => Edit[] | "keep" | null;

const STUB_LANGUAGES = ["py", "js", "ts", "java", "cpp", "cs", "php", "sh"] as const;
export type StubLanguage = (typeof STUB_LANGUAGES)[number];
export const isStubLanguage = (l: string): l is StubLanguage => (STUB_LANGUAGES as readonly string[]).includes(l);

const replace = (node: SyntaxNode, text: string): Edit[] => [{ start: node.startIndex, end: node.endIndex, text }];
const nameOf = (node: SyntaxNode) => node.childForFieldName("name")?.text ?? "";

const python: Rule = (n) => {
  if (n.type !== "function_definition") return null;
  const body = n.childForFieldName("body");
  if (!body || ["__init__", "__new__", "__post_init__"].includes(nameOf(n))) return "keep";
  return replace(body, "return None");
};

function ecmascript(typed: boolean): Rule {
  const value = typed ? "undefined as any" : "undefined";
  return (n) => {
    const fn = ["function_declaration", "generator_function_declaration", "function_expression", "function", "generator_function", "arrow_function", "method_definition"].includes(n.type);
    if (!fn) return null;
    const body = n.childForFieldName("body");
    if (!body) return "keep";
    const name = nameOf(n);
    if (n.type === "method_definition" && name === "constructor") return "keep";
    // a setter returns nothing (TypeScript rejects a value)
    if (n.type === "method_definition" && n.text.trimStart().startsWith("set ")) return replace(body, "{}");
    if (body.type === "statement_block") return replace(body, `{ return ${value}; }`);
    return replace(body, `(${value})`);
  };
}

const JAVA_ZERO = new Set(["byte", "short", "int", "long", "float", "double", "char"]);
const java: Rule = (n) => {
  if (n.type !== "method_declaration") return null;
  const body = n.childForFieldName("body");
  if (!body) return "keep";
  const type = n.childForFieldName("type")?.text ?? "";
  if (type === "void") return replace(body, "{}");
  if (type === "boolean") return replace(body, "{ return false; }");
  return replace(body, JAVA_ZERO.has(type) ? "{ return 0; }" : "{ return null; }");
};

/** The innermost declarator's name and how it is wrapped (pointer, reference, function). */
function cppDeclarator(d: SyntaxNode | null): { name: string; reference: boolean; pointer: boolean; trailing: boolean } {
  let reference = false;
  let pointer = false;
  let trailing = false;
  while (d) {
    if (d.type === "reference_declarator") reference = true;
    if (d.type === "pointer_declarator") pointer = true;
    if (d.type === "function_declarator") {
      trailing = d.namedChildren.some((c) => c?.type === "trailing_return_type");
      const inner = d.childForFieldName("declarator");
      return { name: inner?.text ?? "", reference, pointer, trailing };
    }
    d = d.childForFieldName("declarator") ?? d.namedChildren.find((c) => c?.type.endsWith("declarator")) ?? null;
  }
  return { name: "", reference, pointer, trailing };
}

const cpp: Rule = (n) => {
  if (n.type !== "function_definition") return null;
  const body = n.childForFieldName("body");
  const type = n.childForFieldName("type");
  // constructors, destructors and conversion operators have no return type
  if (!body || !type) return "keep";
  const d = cppDeclarator(n.childForFieldName("declarator"));
  if (d.name === "main") return "keep";
  if (type.text === "void" && !d.pointer) return replace(body, "{}");
  // a reference or a deduced type has no default value to return
  if (d.reference || (/\bauto\b/.test(type.text) && !d.trailing)) return replace(body, "{ throw 0; }");
  return replace(body, "{ return {}; }");
};

const csharp: Rule = (n) => {
  if (n.type !== "method_declaration" && n.type !== "local_function_statement") return null;
  const body = n.childForFieldName("body") ?? n.namedChildren.find((c) => c?.type === "block" || c?.type === "arrow_expression_clause") ?? null;
  if (!body) return "keep";
  const name = nameOf(n);
  if (name === "Main") return "keep";
  const type = (n.childForFieldName("returns") ?? n.childForFieldName("type"))?.text ?? "void";
  const isAsync = n.namedChildren.some((c) => c?.type === "modifier" && c.text === "async");
  const task = /^(System\.Threading\.Tasks\.)?(Value)?Task(<(.+)>)?$/.exec(type);
  const returned = isAsync && task ? (task[4] ?? "void") : type;
  if (body.type === "arrow_expression_clause") return replace(body, returned === "void" ? "=> _ = 0" : `=> default(${returned})`);
  return replace(body, returned === "void" ? "{ }" : `{ return default(${returned}); }`);
};

const PHP_DEFAULTS: Record<string, string> = { int: "0", float: "0.0", string: "''", bool: "false", array: "[]", iterable: "[]", false: "false", true: "true" };
const php: Rule = (n) => {
  if (n.type !== "function_definition" && n.type !== "method_declaration") return null;
  const body = n.childForFieldName("body");
  if (!body || nameOf(n) === "__construct") return "keep";
  const type = (n.childForFieldName("return_type")?.text ?? "").trim();
  if (type === "void") return replace(body, "{ }");
  if (type === "never") return replace(body, "{ throw new \\Exception('stub'); }");
  const value = type.startsWith("?") || type.includes("|") || !type ? "null" : (PHP_DEFAULTS[type.toLowerCase()] ?? "null");
  return replace(body, `{ return ${value}; }`);
};

const bash: Rule = (n) => {
  if (n.type !== "function_definition") return null;
  const body = n.childForFieldName("body");
  return body ? replace(body, "{ :; }") : "keep";
};

const RULES: Record<StubLanguage, Rule> = { py: python, js: ecmascript(false), ts: ecmascript(true), java, cpp, cs: csharp, php, sh: bash };

export function stubSolution(language: string, source: string, root: SyntaxNode): StubResult {
  if (!isStubLanguage(language)) return { ok: false, reason: `no stub rules for language "${language}"` };
  if (root.hasError) return { ok: false, reason: "the solution does not parse, so its functions cannot be stubbed" };
  const rule = RULES[language];
  const edits: Edit[] = [];
  const visit = (n: SyntaxNode) => {
    const r = rule(n);
    if (r === "keep") return;
    if (r) return void edits.push(...r);
    for (const c of n.namedChildren) if (c) visit(c);
  };
  visit(root);
  if (!edits.length) return { ok: false, reason: "the solution declares no function or method to stub" };
  let stub = source;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) stub = stub.slice(0, e.start) + e.text + stub.slice(e.end);
  return { ok: true, stub, stubbed: edits.length };
}
