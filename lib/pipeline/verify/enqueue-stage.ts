import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { DpoSettings } from "@/lib/pipeline/dpo/dpo-options";
import type { RunConfig } from "@/lib/domain/run-config";
import { toModelEndpoint } from "@/lib/pipeline/run/run-endpoints";
import { getEndpointWithSecret } from "@/lib/settings/endpoints";
import { assertEndpointsAnswer } from "@/lib/settings/preflight-endpoints";
import { DPO_JOB, VERIFY_JOB } from "./ids";

async function assertRun(db: Db, runId: string) {
  const run = await db.run.findUnique({ where: { id: runId }, select: { id: true } });
  if (!run) throw new AppError("not_found:run", `No run ${runId}.`);
}

/** Queues stage "verify" of a run; the job carries only the run id. */
export async function enqueueVerify(db: Db, runId: string) {
  await assertRun(db, runId);
  const job = await enqueueJob(db, VERIFY_JOB, { runId }, { runId });
  return { jobId: job.id };
}

/** Queues stage "dpo" of a run with the user's sampling settings. */
export async function enqueueDpo(db: Db, runId: string, settings: DpoSettings) {
  await assertRun(db, runId);
  await checkDpoEndpoint(db, runId, settings);
  const job = await enqueueJob(db, DPO_JOB, { runId, ...settings }, { runId });
  return { jobId: job.id };
}

/** The endpoint that samples the DPO answers answers now, or the stage is not queued (the reason said). */
async function checkDpoEndpoint(db: Db, runId: string, settings: DpoSettings) {
  const { config } = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { config: true } });
  const models = (config as unknown as RunConfig).models;
  const name = settings.model ?? models.rGenerator.endpoint;
  const endpoint = models.endpoints.find((e) => e.name === name) ?? toModelEndpoint(await getEndpointWithSecret(db, name));
  await assertEndpointsAnswer([{ label: `endpoint "${name}"`, endpoint }], "The DPO stage was not started");
}
