import { typescript } from "./typescript";
import type { LanguageTemplates } from "./types";

/** The TypeScript templates without their type annotations (only simple ones are used there). */
function stripTypes(code: string): string {
  return code.replace(/\): (number\[\]|number|string|boolean|void) \{/g, ") {").replace(/\((\w+): (number\[\]|number|string|boolean)\)/g, "($1)");
}

export const javascript: LanguageTemplates = Object.fromEntries(
  Object.entries(typescript).map(([key, impl]) => [key, { ...impl, solution: stripTypes(impl.solution), tests: stripTypes(impl.tests) }]),
) as LanguageTemplates;
