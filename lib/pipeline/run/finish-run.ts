import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { END_EVENT } from "@/lib/events/store";
import { runTopic, type RunStatus } from "./ids";
import type { RunCounts } from "./run-progress";
import { scrubSecrets, scrubSecretsIn } from "@/lib/secrets/scrub";

type Tx = Prisma.TransactionClient;

/** The stream's "end" event, written once however many parties (worker, API) finish the run. */
export async function appendEndOnce(tx: Tx | Db, runId: string, data: object): Promise<boolean> {
  const topic = runTopic(runId);
  if (await tx.event.findFirst({ where: { topic, type: END_EVENT }, select: { seq: true } })) return false;
  await tx.event.create({ data: { topic, type: END_EVENT, data } });
  return true;
}

/**
 * Records a run's final state with its last counts and the end event. Only from the given
 * statuses: a run cancelled meanwhile stays cancelled.
 */
export async function finishRun(db: Db, runId: string, status: RunStatus, unscrubbed: { from: RunStatus[]; counts?: RunCounts | null; error?: string }): Promise<boolean> {
  // failure causes quote the model's answers, which may echo its API key
  const opts = { ...unscrubbed, counts: scrubSecretsIn(unscrubbed.counts), error: unscrubbed.error === undefined ? undefined : scrubSecrets(unscrubbed.error) };
  return db.$transaction(async (tx) => {
    const data: Record<string, unknown> = { status, error: opts.error ?? null };
    if (opts.counts) Object.assign(data, { counts: opts.counts, usage: opts.counts.usage, stage: opts.counts.stage });
    const { count } = await tx.run.updateMany({ where: { id: runId, status: { in: opts.from } }, data });
    if (count === 0) return false;
    const topic = runTopic(runId);
    if (opts.counts) await tx.event.create({ data: { topic, type: "progress", data: opts.counts as object } });
    await appendEndOnce(tx, runId, { status, error: opts.error ?? null, counts: opts.counts ?? null });
    return true;
  });
}
