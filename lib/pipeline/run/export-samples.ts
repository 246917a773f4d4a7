import "server-only";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Db } from "@/lib/db/client";

/** A run's samples as JSONL, one object per line, read page by page so any size fits in memory. */
export async function writeSamplesJsonl(db: Db, runId: string, path: string, where: { part?: string } = {}): Promise<number> {
  const out = createWriteStream(path);
  let cursor: string | undefined;
  let n = 0;
  for (;;) {
    const page = await db.sample.findMany({ where: { runId, ...where }, orderBy: { id: "asc" }, take: 500, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    for (const s of page) {
      const line = JSON.stringify({
        id: s.id, runId, step: s.stepKey, part: s.part, language: s.language, instruction: s.instruction, solution: s.solution, tests: s.tests,
        score: s.score, scores: s.scores, filtered: s.filtered, filterReason: s.filterReason, snippetId: s.snippetId, agentId: s.agentId,
        verdict: s.verdict, testsCheck: s.stubCheck,
      });
      if (!out.write(`${line}\n`)) await once(out, "drain");
      n++;
    }
    if (page.length < 500) break;
    cursor = page.at(-1)!.id;
  }
  out.end();
  await once(out, "finish");
  return n;
}
