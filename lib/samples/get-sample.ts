import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { SampleDetail } from "./types";

/** A sample with its run's name, its executions (newest first), its revisions (oldest first) and whether it had a DPO stage. */
export async function getSample(db: Db, id: string): Promise<SampleDetail> {
  const s = await db.sample.findUnique({
    where: { id },
    include: {
      run: { select: { name: true } },
      executions: { orderBy: { createdAt: "desc" }, take: 20 },
      revisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!s) throw new AppError("not_found:sample", `No sample with id ${id}.`);
  const dpoStep = await db.runStep.findUnique({ where: { runId_key: { runId: s.runId, key: `dpo:${s.id}` } }, select: { id: true } });
  return {
    id: s.id,
    runId: s.runId,
    runName: s.run.name,
    part: s.part,
    language: s.language,
    instruction: s.instruction,
    solution: s.solution,
    tests: s.tests,
    score: s.score,
    scores: s.scores,
    justification: s.justification,
    filtered: s.filtered,
    filterReason: s.filterReason,
    curation: s.curation,
    verdict: s.verdict,
    stubCheck: s.stubCheck,
    stubNote: s.stubNote,
    hasDpo: dpoStep !== null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    executions: s.executions.map((e) => ({
      id: e.id,
      status: e.status,
      exitCode: e.exitCode,
      stdout: e.stdout,
      stderr: e.stderr,
      durationMs: e.durationMs,
      createdAt: e.createdAt.toISOString(),
    })),
    revisions: s.revisions.map((r) => ({
      id: r.id,
      instruction: r.instruction,
      solution: r.solution,
      tests: r.tests,
      author: r.author,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
