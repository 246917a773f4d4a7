import "server-only";
import type { Db } from "@/lib/db/client";
import { assembleProgram } from "@/lib/domain/test-convention";
import { AppError } from "@/lib/errors";
import { programHash } from "@/lib/pipeline/verify/execution-cache";
import { buildDpoQueryView, type DpoExecutionView, type DpoQueryView, type StoredDistinctAnswer } from "./dpo-query-view";

export type { DpoQueryView } from "./dpo-query-view";

interface StepOutput {
  distinct?: StoredDistinctAnswer[];
  noPassing?: boolean;
  noFailing?: boolean;
}

/**
 * A query's N answers and its pairs, for the samples page (answers side by side with their
 * verdicts and output, diff of chosen and rejected). An answer's output is the latest Execution
 * of its program (language + hash of answer and tests): the stage stores each program it ran.
 */
export async function getDpoQuery(db: Db, runId: string, sampleId: string): Promise<DpoQueryView> {
  const step = await db.runStep.findUnique({ where: { runId_key: { runId, key: `dpo:${sampleId}` } } });
  if (!step) throw new AppError("not_found:dpo", `Query ${sampleId} has no DPO answers in run ${runId}.`);
  const sample = await db.sample.findUnique({ where: { id: sampleId }, select: { language: true, instruction: true, tests: true } });
  if (!sample) throw new AppError("not_found:sample", `No sample ${sampleId}.`);
  const o = (step.output ?? {}) as StepOutput;
  const distinct = o.distinct ?? [];
  // data stored before answers carried their program hash: the program is the answer and the sample's tests
  const hashes = distinct.map((a) => a.programHash ?? programHash(assembleProgram(a.text, sample.tests ?? "")));
  const rows = hashes.length
    ? await db.execution.findMany({ where: { language: sample.language, programHash: { in: [...new Set(hashes)] }, status: { not: "unavailable" } }, orderBy: { createdAt: "desc" } })
    : [];
  const latest = new Map<string, DpoExecutionView>();
  for (const r of rows) if (!latest.has(r.programHash)) latest.set(r.programHash, { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, durationMs: r.durationMs });
  const pairs = await db.dpoPair.findMany({ where: { runId, sampleId }, orderBy: { id: "asc" }, select: { id: true, chosen: true, rejected: true, chosenVerdict: true, rejectedVerdict: true } });
  return buildDpoQueryView(
    { runId, sampleId, language: sample.language, instruction: sample.instruction, tests: sample.tests, noPassing: Boolean(o.noPassing), noFailing: Boolean(o.noFailing) },
    distinct,
    pairs,
    (i) => latest.get(hashes[i]) ?? null,
  );
}
