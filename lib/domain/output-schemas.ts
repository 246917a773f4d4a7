import { z } from "zod";
import { codeField } from "./code-fields";
import type { Rubric } from "./scoring-rubric";

/**
 * What each prompt kind must answer, as zod schemas: the structured-output layer validates
 * answers against them and feeds the error back on a mismatch. Code fields come out clean:
 * without the Markdown fence or `<think>` block a model may have put around the program.
 */

export const instructionOutput = z.object({
  instruction: z.string().min(20, "the instruction must state a complete task (at least 20 characters)"),
});

export const solutionOutput = z.object({
  solution: codeField("write the solution's code"),
  tests: codeField("write tests that check the solution"),
});

/** A DPO answer: the solution alone. */
export const answerOutput = z.object({ solution: solutionOutput.shape.solution });

export const reflectionOutput = z.object({
  merits: z.array(z.string().min(1)).min(1),
  faults: z.array(z.string().min(1)),
  advice: z.string().min(1),
});

export const critiqueOutput = z.object({
  critique: z.string().min(1),
  proposal: z.string().min(1),
});

const cache = new WeakMap<object, Map<string, z.ZodType>>();

function memo<T extends z.ZodType>(owner: object, key: string, build: () => T): T {
  let m = cache.get(owner);
  if (!m) cache.set(owner, (m = new Map()));
  let s = m.get(key) as T | undefined;
  if (!s) m.set(key, (s = build()));
  return s;
}

export type ScoreOutput = { aspects: { name: string; score: number; justification: string }[]; justification: string };

/** Exactly the rubric's aspects, each once, integer scores on its scale. Built once per rubric. */
export function scoreOutput(rubric: Rubric): z.ZodType<ScoreOutput> {
  return memo(rubric, "score", () => {
    const names = rubric.aspects.map((a) => a.name) as [string, ...string[]];
    return z
      .object({
        aspects: z.array(
          z.object({
            name: z.enum(names),
            score: z.number().int().min(1).max(rubric.scale),
            justification: z.string().min(1),
          }),
        ),
        justification: z.string().min(1),
      })
      .superRefine((v, ctx) => {
        for (const n of names) {
          const count = v.aspects.filter((a) => a.name === n).length;
          if (count !== 1) ctx.addIssue({ code: "custom", path: ["aspects"], message: `score aspect "${n}" exactly once (found ${count})` });
        }
      });
  });
}

export type SynthesisOutput = { targetLanguage: string; instruction: string; solution: string; tests: string; rationale: string };

/** The new sample of a discussion; its language must be one of `allowed`. */
export function synthesisOutput(allowed: readonly string[]): z.ZodType<SynthesisOutput> {
  const key = allowed.join(",");
  return memo(synthesisCacheOwner, key, () =>
    z.object({
      targetLanguage: z.enum(allowed as [string, ...string[]]),
      instruction: instructionOutput.shape.instruction,
      solution: solutionOutput.shape.solution,
      tests: solutionOutput.shape.tests,
      rationale: z.string().min(1),
    }),
  );
}
const synthesisCacheOwner = {};
