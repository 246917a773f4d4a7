import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CALL_OUTCOMES, type CallOutcome } from "@/lib/domain/call-outcomes";
import type { CallRecord } from "@/lib/llm/model-client";
import { runTopic } from "./ids";

/**
 * A run's model calls as recorded (`llm.call` events): each request with its outcome and the
 * answer exactly as the model sent it (fences, prose, reasoning), oldest first. Read in pages
 * of the (topic, type, seq) index; filters apply to what is read, so a narrow filter on a large
 * run reads on until `limit` calls match.
 */

export interface RunCall extends CallRecord {
  seq: number;
  step: string;
  sampleId?: string;
}

export interface RunCallsFilter {
  outcome?: CallOutcome;
  /** calls of steps whose name starts with this, e.g. "ds1:py-0:0" */
  step?: string;
  limit?: number;
  /** continue after this event seq */
  after?: number;
}

const PAGE = 500;

export async function listRunCalls(db: Db, runId: string, filter: RunCallsFilter = {}): Promise<RunCall[]> {
  if (filter.outcome !== undefined && !(CALL_OUTCOMES as readonly string[]).includes(filter.outcome)) {
    throw new AppError("invalid:outcome", `Unknown call outcome "${filter.outcome}": use one of ${CALL_OUTCOMES.join(", ")}.`);
  }
  const run = await db.run.findUnique({ where: { id: runId }, select: { id: true } });
  if (!run) throw new AppError("not_found:run", `No run ${runId}`);
  const limit = filter.limit ?? 50;
  const out: RunCall[] = [];
  for (let after = filter.after ?? 0; out.length < limit; ) {
    const rows = await db.event.findMany({ where: { topic: runTopic(runId), type: "llm.call", seq: { gt: after } }, orderBy: { seq: "asc" }, take: PAGE, select: { seq: true, data: true } });
    for (const r of rows) {
      const d = r.data as unknown as { step: string; sampleId?: string; call: CallRecord };
      if (filter.outcome && d.call.outcome !== filter.outcome) continue;
      if (filter.step && !d.step.startsWith(filter.step)) continue;
      out.push({ ...d.call, seq: r.seq, step: d.step, sampleId: d.sampleId });
      if (out.length === limit) break;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1].seq;
  }
  return out;
}
