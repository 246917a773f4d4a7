/**
 * The LLM scorer's rubric (paper Figure 4 and §2.1): named aspects on a 1-5 or 1-10 scale with
 * a written justification; the weighted mean decides whether a sample is kept or filtered.
 */
export interface ScoreAspect {
  name: string;
  description: string;
  weight: number;
}

export const DEFAULT_ASPECTS: ScoreAspect[] = [
  { name: "correctness", description: "The solution is correct, complete and its tests check the stated behaviour.", weight: 1 },
  { name: "clarity", description: "The instruction is clear, self-contained and fully specifies inputs, outputs and edge cases.", weight: 1 },
  { name: "code-quality", description: "The code is readable, well structured and efficient.", weight: 1 },
  { name: "difficulty", description: "The problem is non-trivial and useful for teaching a code model.", weight: 1 },
  { name: "idiom", description: "The solution uses the idioms and standard library of its language.", weight: 1 },
];

export interface AspectScore {
  name: string;
  score: number;
  justification: string;
}

export interface SampleScore {
  aspects: AspectScore[];
  /** weighted mean of the aspect scores, on the rubric's scale */
  mean: number;
  scale: 5 | 10;
  passed: boolean;
  justification: string;
}

export interface Rubric {
  aspects: ScoreAspect[];
  scale: 5 | 10;
  threshold: number;
}

export function weightedMean(aspects: readonly AspectScore[], rubric: Pick<Rubric, "aspects">): number {
  let total = 0;
  let weights = 0;
  for (const a of rubric.aspects) {
    const s = aspects.find((x) => x.name === a.name);
    if (!s) continue;
    total += s.score * a.weight;
    weights += a.weight;
  }
  return weights === 0 ? 0 : Math.round((total / weights) * 1000) / 1000;
}

export function judge(aspects: AspectScore[], justification: string, rubric: Rubric): SampleScore {
  const mean = weightedMean(aspects, rubric);
  return { aspects, mean, scale: rubric.scale, passed: mean >= rubric.threshold, justification };
}

/** Why a sample was filtered, for the UI and the stored sample. */
export function filterReason(score: SampleScore, rubric: Rubric): string | null {
  if (score.passed) return null;
  const weakest = [...score.aspects].sort((a, b) => a.score - b.score)[0];
  const detail = weakest ? `; weakest: ${weakest.name} ${weakest.score}/${rubric.scale} (${weakest.justification})` : "";
  return `score ${score.mean.toFixed(2)} below threshold ${rubric.threshold}${detail}`;
}
