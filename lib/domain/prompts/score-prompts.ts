import type { Reflection } from "../sample";
import type { Rubric, SampleScore } from "../scoring-rubric";
import { answerWith, sampleBlock } from "./format";
import { prompt, type BuiltPrompt } from "./prompt-kinds";

/** The LLM scorer (paper Figure 4): named aspects, a scale, a written justification. */

type Scorable = { language: string; instruction: string; solution: string; tests: string };

export function scorePrompt(sample: Scorable, rubric: Rubric): BuiltPrompt {
  const aspects = rubric.aspects.map((a) => `- ${a.name}: ${a.description}`).join("\n");
  return prompt(
    "score",
    "You are a strict reviewer of instruction data for code models. You grade each aspect independently and justify every grade in one or two sentences.",
    [
      `Scale: 1-${rubric.scale} (1 = unusable, ${rubric.scale} = excellent)`,
      `Rubric:\n${aspects}`,
      `Sample:\n${sampleBlock(sample)}`,
      answerWith({
        aspects: `[{"name": one of ${rubric.aspects.map((a) => `"${a.name}"`).join(", ")}, "score": integer 1-${rubric.scale}, "justification": string}] (every aspect exactly once)`,
        justification: "string (overall verdict)",
      }),
    ].join("\n\n"),
  );
}

/** Reflection r (paper §2.3): the agent's merits and faults after a generation. */
export function reflectionPrompt(sample: Scorable, score: SampleScore, agentProfile: string): BuiltPrompt {
  const grades = score.aspects.map((a) => `- ${a.name}: ${a.score}/${score.scale} — ${a.justification}`).join("\n");
  return prompt(
    "reflect",
    `${agentProfile}\nYou reflect on your own generation to improve the next one.`,
    [
      `You generated the sample below; the scorer graded it ${score.mean}/${score.scale}.`,
      `Sample:\n${sampleBlock(sample)}`,
      `Grades:\n${grades}\nVerdict: ${score.justification}`,
      "List its merits (what to keep doing) and faults (what to avoid), and one piece of advice for your next sample.",
      answerWith({ merits: "string[]", faults: "string[]", advice: "string" }),
    ].join("\n\n"),
  );
}

export function reflectionsBlock(reflections: readonly Reflection[]): string {
  if (reflections.length === 0) return "(none yet)";
  return reflections
    .map((r, i) => `${i + 1}. merits: ${r.merits.join("; ")} | faults: ${r.faults.join("; ") || "none"} | advice: ${r.advice}`)
    .join("\n");
}
