import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { UnrecoverableError } from "@/lib/jobs/errors";
import { insertImported, loadPending, loadResults, saveResult } from "@/lib/evals/app/results-store";
import { trackEvaluation, type TrackOptions } from "@/lib/evals/app/track-evaluation";
import { getExecutor } from "@/lib/evals/executor";
import type { ImportedTaskScore } from "@/lib/evals/import/bigcode-harness";
import { IMPORT_FORMATS, planImport, type ImportFile } from "@/lib/evals/import/plan-import";
import { loadProblems } from "@/lib/evals/load-problems";
import { executeSamples } from "@/lib/evals/sample-execution";
import { scoreResults, type ScoreRow } from "@/lib/evals/score";
import type { Execute, SampleResult } from "@/lib/evals/types";

/** What the import form, the API and `xinstruct eval import` give besides the files. */
export const importRequest = z.object({
  format: z.enum(IMPORT_FORMATS),
  /** the model the results belong to; defaults to the one a bigcode results file names */
  model: z.string().trim().max(200).optional(),
  name: z.string().trim().max(120).optional(),
  /** for bigcode generations files not named generations_<task>.json: the task they answer */
  benchmark: z.string().trim().max(60).optional(),
  /** folder or base URL of the benchmark files (bigcode generations are paired with the problems) */
  dataSource: z.string().trim().max(2000).optional(),
});

interface ImportedConfig {
  imported: { format: string; files: string[]; fileCount: number; benchmark?: string; dataSource?: string; temperature: number | null; reported: ImportedTaskScore[]; skipped: string[] };
}

/**
 * Stores result files of another harness as an evaluation (same tables as native ones, so the
 * compare page takes it). Samples that come with verdicts are stored as they are; programs
 * that still have to run are stored as pending and run by the evaluation.import job
 * (`enqueue: false`: the caller runs them itself with runImportedEvaluation, like the CLI).
 * Bad files are refused before anything is stored.
 */
export async function importEvaluation(db: Db, input: unknown, files: ImportFile[], opts: { enqueue?: boolean } = {}) {
  const parsed = importRequest.safeParse(input);
  if (!parsed.success) throw new AppError("invalid:import", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const req = parsed.data;
  const plan = await planImport(req.format, files, {
    task: req.benchmark || undefined,
    loadProblems: req.dataSource ? (benchmark, language) => loadProblems({ benchmark, languages: [language], source: req.dataSource! }) : undefined,
  });
  const model = req.model || plan.model;
  if (!model) throw new AppError("invalid:import", "Give the model name these results belong to.");
  const config: ImportedConfig = {
    imported: {
      format: req.format, files: files.slice(0, 20).map((f) => f.name), fileCount: files.length,
      benchmark: req.benchmark || undefined, dataSource: req.dataSource || undefined, temperature: plan.temperature, reported: plan.reported, skipped: plan.skipped,
    },
  };
  const evaluation = await db.evaluation.create({
    data: { name: req.name || `${model} (imported from ${req.format})`, model, endpoint: null, config: config as object, source: `imported:${req.format}` },
  });
  await insertImported(db, evaluation.id, plan.executed, plan.toExecute);
  if (plan.toExecute.length === 0) {
    const summary = importedScores(plan.executed, config); // all of them: nothing is left to run
    return db.evaluation.update({ where: { id: evaluation.id }, data: { status: "succeeded", summary: summary as object[] } });
  }
  if (opts.enqueue === false) return evaluation;
  const job = await enqueueJob(db, "evaluation.import", { evaluationId: evaluation.id });
  return db.evaluation.update({ where: { id: evaluation.id }, data: { jobId: job.id } });
}

/** Runs the imported programs still pending (all, or what a cancelled run left), then scores. */
export async function runImportedEvaluation(db: Db, evaluationId: string, opts: TrackOptions & { execute?: Execute }): Promise<ScoreRow[]> {
  const evaluation = await db.evaluation.findUnique({ where: { id: evaluationId } });
  if (!evaluation?.source?.startsWith("imported:")) throw new UnrecoverableError(`imported evaluation ${evaluationId} no longer exists`);
  return trackEvaluation(db, evaluationId, opts, async (onProgress) => {
    const pending = await loadPending(db, evaluationId);
    await executeSamples(pending, { execute: opts.execute ?? getExecutor(), signal: opts.signal, onResult: (r) => saveResult(db, evaluationId, r), onProgress });
    return importedScores(await loadResults(db, evaluationId), evaluation.config as unknown as ImportedConfig);
  });
}

/** pass@k from the evaluation's samples, plus the harness's own figures for tasks without samples. */
function importedScores(results: SampleResult[], config: ImportedConfig): ScoreRow[] {
  const rows = scoreResults(results);
  const reported = config.imported.reported.map((s): ScoreRow => ({
    benchmark: s.benchmark!, language: s.language!, problems: 0, minSamples: 0, samples: 0, passedSamples: 0, passAtK: s.passAtK, reported: true,
  }));
  return [...rows, ...reported];
}
