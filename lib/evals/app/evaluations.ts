import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { evaluationConfig, type EvaluationConfig } from "@/lib/evals/app/config";
import { evaluationTarget } from "@/lib/evals/app/evaluation-endpoint";
import { PAPER_LANGUAGES } from "@/lib/domain/language-names";
import { assertLanguagesAvailable } from "@/lib/sandbox/toolchain-check";
import { assertEndpointsAnswer } from "@/lib/settings/preflight-endpoints";

/** Services behind the evaluation pages, API and CLI. */
/**
 * Stores an evaluation and queues its job (`enqueue: false` for a caller that runs it itself, like
 * the CLI). Its endpoint must answer first: a dead one fails here, with the reason.
 */
export async function createEvaluation(db: Db, input: unknown, opts: { enqueue?: boolean; apiKey?: string } = {}) {
  const parsed = evaluationConfig.safeParse(input);
  if (!parsed.success) throw new AppError("invalid:evaluation", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const config: EvaluationConfig = parsed.data;
  if (config.endpointName && !(await db.modelEndpoint.findUnique({ where: { name: config.endpointName } }))) {
    throw new AppError("invalid:evaluation", `No model endpoint named "${config.endpointName}" in Settings.`);
  }
  // A language whose toolchain is missing (Julia, Swift: not in Debian 12) fails here, naming what to install.
  await assertLanguagesAvailable(config.suites.flatMap((s) => (s.benchmark === "multipl-e" ? (s.languages ?? PAPER_LANGUAGES) : [])));
  const target = await evaluationTarget(db, config, opts.apiKey);
  await assertEndpointsAnswer([{ label: target.label, endpoint: target.endpoint }], "The evaluation was not started");
  const evaluation = await db.evaluation.create({
    data: { name: config.name, model: config.model, endpoint: config.endpointName ?? config.endpointUrl, config: config as object },
  });
  if (opts.enqueue === false) return evaluation;
  const job = await enqueueJob(db, "evaluation.run", { evaluationId: evaluation.id });
  return db.evaluation.update({ where: { id: evaluation.id }, data: { jobId: job.id } });
}

export async function listEvaluations(db: Db) {
  return db.evaluation.findMany({ where: { reference: false }, orderBy: { createdAt: "desc" }, take: 200 });
}

export async function getEvaluation(db: Db, id: string) {
  const evaluation = await db.evaluation.findUnique({ where: { id } });
  if (!evaluation || evaluation.reference) throw new AppError("not_found:evaluation", `No evaluation ${id}`);
  return evaluation;
}

export interface ResultQuery {
  language?: string;
  benchmark?: string;
  passed?: boolean;
  cursor?: string;
  limit?: number;
}

/** Per-problem results, newest problems first, keyset-paginated by id. */
export async function listResults(db: Db, evaluationId: string, q: ResultQuery = {}) {
  const take = Math.min(q.limit ?? 50, 200);
  const rows = await db.evalResult.findMany({
    where: { evaluationId, language: q.language, benchmark: q.benchmark, passed: q.passed },
    orderBy: [{ benchmark: "asc" }, { language: "asc" }, { problem: "asc" }, { sampleIndex: "asc" }, { id: "asc" }],
    take: take + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  return { results: rows.slice(0, take), nextCursor: rows.length > take ? rows[take - 1].id : null };
}

export async function deleteEvaluation(db: Db, id: string) {
  await getEvaluation(db, id);
  await db.evaluation.delete({ where: { id } });
}
