import "server-only";
import type { Db } from "@/lib/db/client";
import { assembleProgram } from "@/lib/domain/test-convention";
import { AppError } from "@/lib/errors";
import { executeCached } from "@/lib/pipeline/verify/execution-cache";
import { codeFromChatAnswer } from "./chat-answer-code";
import { pairAnswers, type PairingPolicy, type ScoredAnswer } from "./pair-answers";
import type { DpoQuery } from "./select-queries";

/** One preference pair as the trainer's DPO stage reads it (trainer/data.py): answers as the model sampled them. */
export interface SampledPairRecord {
  prompt: string;
  chosen: string;
  rejected: string;
  id: string;
  language: string;
  chosenVerdict: string;
  rejectedVerdict: string;
}

export interface SampledPairCounts {
  queries: number;
  answers: number;
  /** answers the sampler did not give (a query missing from its output counts its n) */
  samplingFailures: number;
  passing: number;
  executed: number;
  cacheHits: number;
  pairs: number;
  noPassing: number;
  noFailing: number;
}

/**
 * Chat answers sampled from an SFT model (`python -m trainer sample`), executed in the sandbox with
 * each query's tests (code extracted as the evaluator does; results cached by program hash and the
 * fresh ones stored, so running this again executes nothing twice) and paired as the DPO stage
 * pairs. Stores no pairs itself: the caller decides where they go (an ablation variant's own file).
 */
export async function pairSampledAnswers(
  db: Db,
  queries: DpoQuery[],
  answers: Map<string, string[]>,
  o: PairingPolicy & { n: number; batchSize?: number; signal?: AbortSignal },
): Promise<{ records: SampledPairRecord[]; counts: SampledPairCounts }> {
  const counts: SampledPairCounts = { queries: queries.length, answers: 0, samplingFailures: 0, passing: 0, executed: 0, cacheHits: 0, pairs: 0, noPassing: 0, noFailing: 0 };
  const records: SampledPairRecord[] = [];
  const batchSize = o.batchSize ?? 8;
  for (let start = 0; start < queries.length; start += batchSize) {
    if (o.signal?.aborted) throw new AppError("cancelled:dpo", "Pairing the sampled answers was cancelled.");
    const batch = queries.slice(start, start + batchSize);
    const sampled = batch.map((q) => answers.get(q.id)?.slice(0, o.n) ?? []);
    const items = batch.flatMap((q, qi) => sampled[qi].map((a, ai) => ({ id: `${qi}:${ai}`, language: q.language, program: assembleProgram(codeFromChatAnswer(a, q.language), q.tests) })));
    const { results, stats } = await executeCached(db, items, { signal: o.signal });
    counts.executed += stats.executed;
    counts.cacheHits += stats.hits;
    for (const [qi, q] of batch.entries()) {
      const scored: ScoredAnswer[] = sampled[qi].map((text, ai) => {
        const e = results.get(`${qi}:${ai}`)!;
        return { text, passed: e.status === "ok", verdict: e.status, programHash: e.programHash };
      });
      const { pairs } = pairAnswers(scored, o);
      for (const p of pairs) records.push({ prompt: q.instruction, chosen: p.chosen.text, rejected: p.rejected.text, id: q.id, language: q.language, chosenVerdict: p.chosen.verdict, rejectedVerdict: p.rejected.verdict });
      counts.answers += scored.length;
      counts.samplingFailures += o.n - scored.length;
      counts.passing += scored.filter((a) => a.passed).length;
      counts.pairs += pairs.length;
      if (!scored.some((a) => a.passed)) counts.noPassing++;
      if (!scored.some((a) => !a.passed)) counts.noFailing++;
    }
    const fresh = items.flatMap((it) => {
      const e = results.get(it.id)!;
      return e.cached || e.status === "unavailable" ? [] : [{ language: it.language, programHash: e.programHash, status: e.status, exitCode: e.exitCode, stdout: e.stdout, stderr: e.stderr, durationMs: e.durationMs }];
    });
    if (fresh.length) await db.execution.createMany({ data: fresh });
  }
  return { records, counts };
}
