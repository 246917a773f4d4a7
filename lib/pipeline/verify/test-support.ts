import type { Db } from "@/lib/db/client";
import { buggySolution, implementation, instructionFor, type ProblemKey } from "@/lib/llm/scripted/templates";
import { createRun } from "@/lib/pipeline/run/create-run";
import { demoRunConfig } from "@/lib/pipeline/run/test-support";

/** Runs holding hand-picked samples built from the demo model's templates: correct, buggy or without tests. */

export interface SampleSpec {
  language: string;
  key: ProblemKey;
  buggy?: boolean;
  noTests?: boolean;
}

export async function runWithSamples(db: Db, specs: SampleSpec[], scripted: Record<string, unknown> = {}): Promise<{ runId: string; ids: string[] }> {
  const { run } = await createRun(db, { name: "verify", snippets: [{ content: "def f(): pass", language: "py", path: "a.py" }], config: demoRunConfig({}, scripted), enqueue: false });
  const ids: string[] = [];
  for (const [i, s] of specs.entries()) {
    const impl = implementation(s.language, s.key);
    const row = await db.sample.create({
      data: { runId: run.id, part: "ds1", stepKey: `test:${i}`, language: s.language, instruction: instructionFor(s.language, s.key), solution: s.buggy ? buggySolution(impl) : impl.solution, tests: s.noTests ? null : impl.tests },
    });
    ids.push(row.id);
  }
  return { runId: run.id, ids };
}
