import "server-only";
import type { Db } from "@/lib/db/client";
import { UnrecoverableError } from "@/lib/jobs/errors";
import { evaluationConfig } from "@/lib/evals/app/config";
import { loadResults, saveResult } from "@/lib/evals/app/results-store";
import { OpenAICompatibleClient } from "@/lib/evals/client/openai-compatible";
import { trackEvaluation, type TrackOptions } from "@/lib/evals/app/track-evaluation";
import { runEvaluation } from "@/lib/evals/evaluator";
import { getExecutor } from "@/lib/evals/executor";
import { createGenerator, type Generate } from "@/lib/evals/generator";
import { createModelGenerator } from "@/lib/evals/model-generator";
import { evaluationTarget } from "@/lib/evals/app/evaluation-endpoint";
import { getModel } from "@/lib/llm/providers";
import { isAppError } from "@/lib/errors";
import { loadProblems } from "@/lib/evals/load-problems";
import type { Execute } from "@/lib/evals/types";
import type { ScoreRow } from "@/lib/evals/score";

export interface ExecuteEvaluationOptions extends TrackOptions {
  execute?: Execute;
  /** a key for a plain endpoint URL, given by the caller and never stored (the CLI's --api-key-file) */
  apiKey?: string;
}

/**
 * Generates, executes and scores an evaluation stored in the database. Every finished sample
 * is stored at once, so calling this again (a retried job, a resumed CLI run) only does what
 * is missing. Used by the evaluation.run job and by `xinstruct eval`.
 */
export async function executeEvaluation(db: Db, evaluationId: string, opts: ExecuteEvaluationOptions): Promise<ScoreRow[]> {
  const evaluation = await db.evaluation.findUnique({ where: { id: evaluationId } });
  if (!evaluation) throw new UnrecoverableError(`evaluation ${evaluationId} no longer exists`);
  const config = evaluationConfig.parse(evaluation.config);
  return trackEvaluation(db, evaluation.id, opts, async (onProgress) => {
    const target = await evaluationTarget(db, config, opts.apiKey).catch((e: unknown) => {
      throw isAppError(e) ? new UnrecoverableError(e.message) : e;
    });
    const problems = (await Promise.all(config.suites.map((s) => loadProblems(s)))).flat();
    const sampling = { temperature: config.temperature, maxTokens: config.maxTokens };
    const { endpoint } = target;
    const generate: Generate =
      target.via === "model"
        ? createModelGenerator(getModel(endpoint), sampling)
        : createGenerator(new OpenAICompatibleClient({ url: endpoint.baseURL!, model: endpoint.model, apiKey: endpoint.apiKey }), { mode: config.mode, ...sampling });
    const outcome = await runEvaluation({
      problems,
      mode: config.mode,
      n: config.n,
      generate,
      execute: opts.execute ?? getExecutor(),
      done: await loadResults(db, evaluation.id),
      concurrency: config.concurrency,
      signal: opts.signal,
      onResult: (r) => saveResult(db, evaluation.id, r),
      onProgress,
    });
    return outcome.scores;
  });
}
