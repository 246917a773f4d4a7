import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getTrainingJob, listMetricPoints } from "@/lib/training/jobs-service";
import { authorizeTrainer, ingestRecords, metricsBody } from "@/lib/training/metrics-ingest";

export const dynamic = "force-dynamic";

/** The trainer reports here with its job's own token (the path is public in proxy.ts; the token is the check). */
export const POST = route(
  async (req, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    await authorizeTrainer(db(), id, req.headers.get("authorization"));
    const { records } = await readJson(req, metricsBody);
    return ingestRecords(db(), id, records);
  },
  { public: true },
);

/** Reading the curves needs a session like any other API. */
export const GET = route(async (_req, { params }: { params: Promise<{ id: string }> }) => {
  const job = await getTrainingJob(db(), (await params).id);
  return { points: (await listMetricPoints(db(), [job.id])).map(({ step, name, value }) => ({ step, name, value })) };
});
