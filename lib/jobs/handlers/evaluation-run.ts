import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";
import { UnrecoverableError } from "@/lib/jobs/errors";
import { evaluationConfig } from "@/lib/evals/app/config";
import { loadResults, saveResult } from "@/lib/evals/app/results-store";
import { OpenAICompatibleClient } from "@/lib/evals/client/openai-compatible";
import { runEvaluation, type LanguageProgress } from "@/lib/evals/evaluator";
import { getExecutor } from "@/lib/evals/executor";
import { createGenerator } from "@/lib/evals/generator";
import { loadProblems } from "@/lib/evals/load-problems";

/**
 * Generates, executes and scores an evaluation. Every finished sample is stored at once, so
 * a retried or resumed job only does what is missing. Progress goes to the job's event topic.
 */
export const evaluationRun = defineJob({
  name: "evaluation.run",
  description: "Run a benchmark evaluation against a model endpoint",
  payload: z.object({ evaluationId: z.string().min(1) }),
  maxAttempts: 3,
  backoffBaseMs: 5_000,
  timeoutMs: 24 * 3600_000,
  async handle({ payload, db, signal, emit }) {
    const evaluation = await db.evaluation.findUnique({ where: { id: payload.evaluationId } });
    if (!evaluation) throw new UnrecoverableError(`evaluation ${payload.evaluationId} no longer exists`);
    const config = evaluationConfig.parse(evaluation.config);
    await db.evaluation.update({ where: { id: evaluation.id }, data: { status: "running", error: null } });
    try {
      let url = config.endpointUrl;
      let apiKey: string | undefined;
      if (config.endpointName) {
        const ep = await db.modelEndpoint.findUnique({ where: { name: config.endpointName } });
        if (!ep?.baseUrl) throw new UnrecoverableError(`model endpoint "${config.endpointName}" is missing or has no base URL`);
        url = ep.baseUrl;
        apiKey = ep.apiKey ?? undefined;
      }
      const problems = (await Promise.all(config.suites.map((s) => loadProblems(s)))).flat();
      const client = new OpenAICompatibleClient({ url: url!, model: config.model, apiKey });
      let last = 0;
      let pending: LanguageProgress[] | null = null;
      const flush = async () => {
        if (!pending) return;
        const p = pending;
        pending = null;
        await db.evaluation.update({ where: { id: evaluation.id }, data: { progress: p as object[] } });
        await emit("progress", { languages: p, done: p.reduce((a, x) => a + x.executed, 0), total: p.reduce((a, x) => a + x.total, 0) });
      };
      const outcome = await runEvaluation({
        problems,
        mode: config.mode,
        n: config.n,
        generate: createGenerator(client, { mode: config.mode, temperature: config.temperature, maxTokens: config.maxTokens }),
        execute: getExecutor(),
        done: await loadResults(db, evaluation.id),
        concurrency: config.concurrency,
        signal,
        onResult: (r) => saveResult(db, evaluation.id, r),
        onProgress: (p) => {
          pending = p;
          if (Date.now() - last > 250) {
            last = Date.now();
            void flush();
          }
        },
      });
      await flush();
      await db.evaluation.update({ where: { id: evaluation.id }, data: { status: "succeeded", summary: outcome.scores as object[] } });
      return { samples: outcome.results.length };
    } catch (e) {
      await db.evaluation.update({ where: { id: evaluation.id }, data: { status: signal.aborted ? "cancelled" : "failed", error: e instanceof Error ? e.message : String(e) } });
      throw e;
    }
  },
});
