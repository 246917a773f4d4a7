/**
 * What the samples page shows of a query that went through the DPO stage: its distinct sampled
 * answers side by side with their verdicts and output, and the pairs formed from them. Plain
 * data shared with the browser; `buildDpoQueryView` is the pure assembly.
 */

export interface DpoExecutionView {
  exitCode: number | null;
  stdout: string;
  /** compiler output and stderr, as the sandbox gave them */
  stderr: string;
  durationMs: number;
}

export interface DpoAnswerView {
  /** position among the distinct answers (pairs refer to it) */
  index: number;
  text: string;
  verdict: string;
  passed: boolean;
  /** how many of the N sampled answers were this one (after trimming) */
  count: number;
  /** the stored output of its run; null when none was kept (e.g. toolchain unavailable) */
  execution: DpoExecutionView | null;
  /** indexes into `pairs` where this answer is the chosen / the rejected one */
  chosenIn: number[];
  rejectedIn: number[];
}

export interface DpoPairView {
  id: string;
  /** indexes into `answers` */
  chosen: number;
  rejected: number;
  chosenVerdict: string | null;
  rejectedVerdict: string | null;
}

export interface DpoQueryView {
  runId: string;
  sampleId: string;
  language: string;
  instruction: string;
  tests: string | null;
  /** answers sampled (N, less sampling failures) */
  sampled: number;
  answers: DpoAnswerView[];
  pairs: DpoPairView[];
  noPassing: boolean;
  noFailing: boolean;
}

export interface StoredDistinctAnswer {
  text: string;
  verdict: string;
  count: number;
  programHash?: string;
}

export interface StoredPair {
  id: string;
  chosen: string;
  rejected: string;
  chosenVerdict: string | null;
  rejectedVerdict: string | null;
}

/**
 * Joins a query's stored distinct answers, its pairs (matched to answers by trimmed text, as
 * the pairing dedups them) and the executions found for each answer.
 */
export function buildDpoQueryView(
  base: Omit<DpoQueryView, "answers" | "pairs" | "sampled">,
  distinct: StoredDistinctAnswer[],
  pairs: StoredPair[],
  executionOf: (answerIndex: number) => DpoExecutionView | null,
): DpoQueryView {
  const answers: DpoAnswerView[] = distinct.map((a, index) => ({ index, text: a.text, verdict: a.verdict, passed: a.verdict === "ok", count: a.count, execution: executionOf(index), chosenIn: [], rejectedIn: [] }));
  const byText = new Map(answers.map((a) => [a.text.trim(), a]));
  const views: DpoPairView[] = [];
  for (const p of pairs) {
    const chosen = byText.get(p.chosen.trim());
    const rejected = byText.get(p.rejected.trim());
    // a pair whose answers are not among the stored ones (older data) cannot be shown as a diff of answers
    if (!chosen || !rejected) continue;
    chosen.chosenIn.push(views.length);
    rejected.rejectedIn.push(views.length);
    views.push({ id: p.id, chosen: chosen.index, rejected: rejected.index, chosenVerdict: p.chosenVerdict, rejectedVerdict: p.rejectedVerdict });
  }
  return { ...base, sampled: distinct.reduce((n, a) => n + a.count, 0), answers, pairs: views };
}
