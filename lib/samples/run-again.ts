import "server-only";
import type { Db } from "@/lib/db/client";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { assembleProgram } from "@/lib/domain/test-convention";
import { isLanguageId, runProgram } from "@/lib/sandbox";
import { checkStubs } from "@/lib/pipeline/verify/stub-check";
import { VACUOUS } from "@/lib/pipeline/verify/verdicts";
import type { ExecutionView } from "./types";

export interface RunAgainInput {
  solution: string;
  tests?: string | null;
}

/**
 * Runs a sample's (possibly edited, unsaved) solution with its tests in the sandbox, stores
 * the Execution and returns it. The program is the solution followed by the tests, the
 * convention the generation prompts ask for (lib/domain/test-convention.ts).
 */
export async function runSampleAgain(db: Db, sampleId: string, edited: RunAgainInput): Promise<ExecutionView> {
  const sample = await db.sample.findUnique({ where: { id: sampleId }, select: { language: true } });
  if (!sample) throw new AppError("not_found:sample", `No sample with id ${sampleId}.`);
  if (!edited.solution.trim()) throw new AppError("invalid:edit", "There is no code to run.");
  if (!isLanguageId(sample.language)) throw new AppError("invalid:language", `The sandbox cannot run ${sample.language} code.`);
  const program = assembleProgram(edited.solution, edited.tests ?? "");
  const result = await runProgram({ language: sample.language, program });
  if (result.status === "unavailable") throw new AppError("unavailable:language", result.stderr || `The ${sample.language} toolchain is not installed.`);
  const stderr = [result.compileOutput, result.stderr].filter(Boolean).join("\n");
  const row = await db.execution.create({
    data: {
      sampleId, language: sample.language, programHash: createHash("sha256").update(program).digest("hex"),
      status: result.status, exitCode: result.exitCode, stdout: result.stdout, stderr, durationMs: Math.round(result.durationMs),
    },
  });
  // passing tests are checked against a stub of the solution, as stage "verify" does
  const stub = result.status === "ok" ? (await checkStubs(db, [{ id: sampleId, language: sample.language, solution: edited.solution, tests: edited.tests ?? "" }])).verdicts.get(sampleId) : undefined;
  await db.sample.update({ where: { id: sampleId }, data: { verdict: stub?.check === "vacuous" ? VACUOUS : result.status, stubCheck: stub?.check ?? null, stubNote: stub?.note ?? null } });
  return { id: row.id, status: row.status, exitCode: row.exitCode, stdout: row.stdout, stderr: row.stderr, durationMs: row.durationMs, createdAt: row.createdAt.toISOString() };
}
