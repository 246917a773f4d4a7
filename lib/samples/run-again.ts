import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ExecutionView } from "./types";

export interface RunAgainInput {
  solution: string;
  tests?: string | null;
}

/**
 * Runs a sample's (possibly edited, unsaved) solution with its tests in the sandbox, stores
 * the Execution and returns it. This build has no sandbox service, so it answers 503 with a
 * message that says so; the sandbox's runner plugs in here.
 */
export async function runSampleAgain(db: Db, sampleId: string, edited: RunAgainInput): Promise<ExecutionView> {
  const sample = await db.sample.findUnique({ where: { id: sampleId }, select: { language: true } });
  if (!sample) throw new AppError("not_found:sample", `No sample with id ${sampleId}.`);
  if (!edited.solution.trim()) throw new AppError("invalid:edit", "There is no code to run.");
  throw new AppError("unavailable:sandbox", `Running ${sample.language} code needs the sandbox, which this installation does not have.`);
}
