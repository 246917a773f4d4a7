/** One sampled answer to a query and whether it passed the query's tests. */
export interface ScoredAnswer {
  text: string;
  passed: boolean;
  verdict: string;
  /** hash of the program that ran (answer + tests): where its stored output is found */
  programHash?: string;
}

export interface PairingPolicy {
  /** most pairs per query */
  maxPairs: number;
  /** order chosen answers shortest first (the paper's preference); else in sampling order */
  preferShortest: boolean;
}

export interface AnswerPair {
  chosen: ScoredAnswer;
  rejected: ScoredAnswer;
}

export interface Pairing {
  pairs: AnswerPair[];
  distinctPassing: number;
  distinctFailing: number;
}

/**
 * Forms (chosen, rejected) pairs from one query's answers: identical answers (after trimming)
 * count once, every distinct passing answer meets every distinct failing one, chosen answers
 * ordered by the policy (shortest first by default), and the list capped at `maxPairs`. The
 * rejected answers rotate so that a cap below the product still spreads over them.
 */
export function pairAnswers(answers: ScoredAnswer[], policy: PairingPolicy): Pairing {
  const seen = new Set<string>();
  const distinct = answers.filter((a) => {
    const key = a.text.trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const passing = distinct.filter((a) => a.passed);
  const failing = distinct.filter((a) => !a.passed);
  if (policy.preferShortest) passing.sort((a, b) => a.text.length - b.text.length);
  const pairs: AnswerPair[] = [];
  outer: for (let round = 0; round < failing.length; round++) {
    for (let c = 0; c < passing.length; c++) {
      if (pairs.length >= policy.maxPairs) break outer;
      pairs.push({ chosen: passing[c], rejected: failing[(c + round) % failing.length] });
    }
  }
  return { pairs, distinctPassing: passing.length, distinctFailing: failing.length };
}

/** A query's answers once each, with how often the model gave them: what the samples page shows side by side. */
export function distinctAnswers(answers: ScoredAnswer[]): { text: string; verdict: string; count: number; programHash?: string }[] {
  const byText = new Map<string, { text: string; verdict: string; count: number; programHash?: string }>();
  for (const a of answers) {
    const key = a.text.trim();
    const seen = byText.get(key);
    if (seen) seen.count++;
    else byText.set(key, { text: a.text, verdict: a.verdict, count: 1, ...(a.programHash ? { programHash: a.programHash } : {}) });
  }
  return [...byText.values()];
}
