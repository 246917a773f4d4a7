/**
 * What the Java toolchain needs to know about a source: the public top-level class (it names the
 * file), the package, and the top-level class holding `static void main` (the class to run).
 * A small scanner: comments, strings, chars and text blocks are blanked first.
 */
export interface JavaSourceFacts {
  publicClass: string | null;
  packageName: string | null;
  mainClass: string | null;
}

export function blankJavaLiterals(source: string): string {
  return source.replace(/"""[\s\S]*?"""|\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, (m) => m.replace(/[^\n]/g, " "));
}

const TYPE_DECLARATION = /\b(class|interface|enum|record)\s+([A-Za-z_$][\w$]*)/y;
const MAIN_METHOD = /\bvoid\s+main\s*\(/y;

export function javaSourceFacts(source: string): JavaSourceFacts {
  const text = blankJavaLiterals(source);
  const packageName = /^\s*package\s+([\w.]+)\s*;/m.exec(text)?.[1] ?? null;
  let publicClass: string | null = null;
  let mainClass: string | null = null;
  let depth = 0;
  let topLevelType: string | null = null;
  let statementStart = 0; // where the current declaration at depth 0 began
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "{") {
      depth++;
      continue;
    }
    if (c === "}") {
      depth = Math.max(0, depth - 1);
      if (depth === 0) statementStart = i + 1;
      continue;
    }
    if (c === ";" && depth === 0) statementStart = i + 1;
    if (!/[a-z]/.test(c) || (i > 0 && /[\w$]/.test(text[i - 1]))) continue;
    if (depth === 0) {
      TYPE_DECLARATION.lastIndex = i;
      const match = TYPE_DECLARATION.exec(text);
      if (match) {
        topLevelType = match[2];
        if (/\bpublic\b/.test(text.slice(statementStart, i)) && publicClass === null) publicClass = match[2];
        i = TYPE_DECLARATION.lastIndex - 1;
      }
    } else if (depth === 1 && mainClass === null && topLevelType !== null) {
      MAIN_METHOD.lastIndex = i;
      if (MAIN_METHOD.exec(text) && /\bstatic\b[^;{}]*$/.test(text.slice(Math.max(0, i - 200), i))) mainClass = topLevelType;
    }
  }
  return { publicClass, packageName, mainClass };
}
