import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export interface SampleEdit {
  instruction: string;
  solution: string;
  tests?: string | null;
}

/**
 * Saves a hand edit. Every version is kept as a SampleRevision: on the first edit the
 * generated text is stored first (author "generated"), then the new text. The sample becomes
 * "edited"; its verdict is cleared when the code or the tests changed, since it was the
 * verdict of other code (the executions stay as history).
 */
export async function editSample(db: Db, id: string, edit: SampleEdit, author = "user"): Promise<{ revisionId: string; curation: string }> {
  if (!edit.instruction.trim() || !edit.solution.trim()) throw new AppError("invalid:edit", "The instruction and the solution must not be empty.");
  return db.$transaction(async (tx) => {
    const s = await tx.sample.findUnique({ where: { id } });
    if (!s) throw new AppError("not_found:sample", `No sample with id ${id}.`);
    const tests = edit.tests === undefined ? s.tests : edit.tests;
    if (s.instruction === edit.instruction && s.solution === edit.solution && s.tests === tests) {
      throw new AppError("invalid:edit", "Nothing changed: the edit is the same as the current text.");
    }
    if ((await tx.sampleRevision.count({ where: { sampleId: id } })) === 0) {
      await tx.sampleRevision.create({ data: { sampleId: id, instruction: s.instruction, solution: s.solution, tests: s.tests, author: "generated", createdAt: s.createdAt } });
    }
    const rev = await tx.sampleRevision.create({ data: { sampleId: id, instruction: edit.instruction, solution: edit.solution, tests, author } });
    const codeChanged = s.solution !== edit.solution || s.tests !== tests;
    await tx.sample.update({
      where: { id },
      data: { instruction: edit.instruction, solution: edit.solution, tests, curation: "edited", ...(codeChanged ? { verdict: null, stubCheck: null, stubNote: null } : {}) },
    });
    return { revisionId: rev.id, curation: "edited" };
  });
}
