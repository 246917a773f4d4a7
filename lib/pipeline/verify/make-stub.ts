import "server-only";
import { isStubLanguage, stubSolution, type StubResult } from "@/lib/domain/stubs/stub-solution";
import { parserFor } from "@/lib/pipeline/ingest/tree-sitter";

/** Parses a solution with its language's tree-sitter grammar and stubs it (stub-solution.ts). */
export async function makeStub(language: string, solution: string): Promise<StubResult> {
  if (!isStubLanguage(language)) return { ok: false, reason: `no stub rules for language "${language}"` };
  const tree = (await parserFor(language)).parse(solution);
  if (!tree) return { ok: false, reason: "the parser gave no tree" };
  try {
    return stubSolution(language, solution, tree.rootNode);
  } finally {
    tree.delete();
  }
}
