import type { PromptKind } from "@/lib/domain/prompts/prompt-kinds";
import { hashString, type Rng } from "@/lib/domain/seeded-rng";
import { buggySolution, findProblem, implementation, instructionFor, PROBLEM_KEYS, type ProblemKey } from "./templates";
import { snippetReference } from "./snippet-names";
import { allowedTargets, gradesOf, languageOf, listedNames, scaleOf, snippetOf } from "./read-prompt";

/**
 * Plausible, schema-valid answers of the demo model for every prompt kind. Solutions come from
 * the templates, so they run; a configured share of them carry the planted bug.
 */

export interface AnswerContext {
  kind: PromptKind;
  user: string;
  rng: Rng;
  wrongSolutionRate: number;
}

const FLAVOURS = [
  "Keep the implementation linear in the size of the input.",
  "Document the edge cases the function handles.",
  "Do not modify the input.",
  "Prefer clarity over cleverness.",
  "The function must not print anything.",
  "Handle large inputs without recursion.",
];

const OPERATION_TEXT: Record<string, string> = {
  "increase-difficulty": "Also return, alongside the result, how many elements or characters were examined.",
  "add-reasoning-steps": "Explain in a comment each step of the algorithm before writing it.",
  "add-constraints": "The input may contain up to one million items and must be processed in a single pass.",
  "replace-requirement": "Instead of the standard library's helpers, implement the core loop by hand.",
  concretize: "Use concrete examples from an inventory system to describe the input.",
  deepen: "Specify the behaviour for every boundary case explicitly.",
  "complexity-requirements": "The solution must run in O(n) time and O(1) extra space where possible.",
  "change-language": "Write it idiomatically for the target language rather than translating line by line.",
  "combine-concepts": "Combine it with input validation that rejects malformed input.",
  breadth: "Frame the task as part of a log-processing tool.",
};

function problemFor(text: string, rng: Rng): ProblemKey {
  return findProblem(text) ?? PROBLEM_KEYS[hashString(text) % PROBLEM_KEYS.length] ?? rng.pick(PROBLEM_KEYS);
}

function solutionAnswer(language: string, key: ProblemKey, ctx: AnswerContext) {
  const impl = implementation(language, key);
  const wrong = ctx.rng.chance(ctx.wrongSolutionRate);
  return { solution: wrong ? buggySolution(impl) : impl.solution, tests: impl.tests };
}

function scoreAnswer(ctx: AnswerContext) {
  const scale = scaleOf(ctx.user);
  const names = listedNames(ctx.user, "Rubric");
  const key = findProblem(ctx.user);
  const buggy = key !== null && ctx.user.includes(buggySolution(implementation(languageOf(ctx.user), key)));
  const aspects = names.map((name) => {
    // mostly good samples, some weak ones; a planted bug costs correctness
    const r = ctx.rng.next();
    let score = Math.max(1, Math.round(scale * (r < 0.1 ? 0.4 : r < 0.35 ? 0.7 : r < 0.75 ? 0.8 : 1)));
    if (buggy && name === "correctness") score = Math.max(1, Math.round(scale * 0.4));
    const justification = score >= scale * 0.8 ? `The ${name} of this sample is strong.` : score >= scale * 0.6 ? `The ${name} is acceptable but could be sharper.` : `The ${name} is weak.`;
    return { name, score, justification };
  });
  const low = aspects.filter((a) => a.score < scale * 0.6).map((a) => a.name);
  return { aspects, justification: low.length ? `Usable, but weak on ${low.join(", ")}.` : "A clear, correct and useful sample." };
}

function reflectionAnswer(ctx: AnswerContext) {
  const grades = gradesOf(ctx.user);
  const strong = grades.filter((g) => g.score >= g.scale * 0.8).map((g) => `strong ${g.name}`);
  const weak = grades.filter((g) => g.score < g.scale * 0.8).map((g) => `improve ${g.name} (${g.score}/${g.scale})`);
  return {
    merits: strong.length ? strong : ["a self-contained task with tests"],
    faults: weak,
    advice: weak.length ? `Next time, focus on ${weak[0].replace(/^improve /, "")}.` : ctx.rng.pick(["Aim for a harder problem next time.", "Cover more edge cases in the tests."]),
  };
}

function operationOf(text: string): string {
  return listedNames(text, "Operation(s) to apply")[0] ?? "increase-difficulty";
}

function synthesisAnswer(ctx: AnswerContext) {
  const target = ctx.rng.pick(allowedTargets(ctx.user));
  const key = problemFor(ctx.user, ctx.rng);
  const op = operationOf(ctx.user);
  return {
    targetLanguage: target,
    instruction: `${instructionFor(target, key)} ${OPERATION_TEXT[op] ?? ""} ${ctx.rng.pick(FLAVOURS)}`.replace(/\s+/g, " ").trim(),
    ...solutionAnswer(target, key, ctx),
    rationale: `Built on A1's problem, applying ${op}, with the other agents' samples as cross-lingual references.`,
  };
}

export function answerFor(ctx: AnswerContext): Record<string, unknown> {
  const language = languageOf(ctx.user);
  switch (ctx.kind) {
    case "ds1-instruction": {
      // the task comes first: the response step finds its problem by the first function name it reads
      const snippet = snippetOf(ctx.user);
      return { instruction: `${instructionFor(language, problemFor(snippet, ctx.rng))} ${snippetReference(snippet)} ${ctx.rng.pick(FLAVOURS)}`.replace(/\s+/g, " ").trim() };
    }
    case "ds2-instruction":
      return { instruction: `${instructionFor(language, problemFor(ctx.user, ctx.rng))} ${ctx.rng.pick(FLAVOURS)}` };
    case "ds1-response":
      return solutionAnswer(language, problemFor(ctx.user, ctx.rng), ctx);
    case "ds2-response":
      return solutionAnswer(language, problemFor(snippetOf(ctx.user), ctx.rng), ctx);
    case "score":
      return scoreAnswer(ctx);
    case "reflect":
      return reflectionAnswer(ctx);
    case "critique":
      return {
        critique: `A1's sample could go further: ${ctx.rng.pick(FLAVOURS).toLowerCase()}`,
        proposal: `Apply ${operationOf(ctx.user)} and borrow the edge cases of the other samples.`,
      };
    case "synthesis":
      return synthesisAnswer(ctx);
  }
}

/**
 * A broken answer: truncated JSON, or a required field missing. (JSON in prose or in a fence is
 * not broken: the client reads it.)
 */
export function malformed(answer: Record<string, unknown>, rng: Rng): string {
  const json = JSON.stringify(answer);
  if (rng.chance(0.5)) return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
  const rest = Object.keys(answer).slice(1);
  return JSON.stringify(Object.fromEntries(rest.map((k) => [k, answer[k]])));
}
