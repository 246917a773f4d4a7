import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { listTrainingJobs, publicJob } from "@/lib/training/jobs-service";
import { launchTrainingJob } from "@/lib/training/launch";
import { defaultAppUrl, trainingWorkRoot } from "@/lib/training/settings";

export const dynamic = "force-dynamic";

export const GET = route(async () => ({ jobs: (await listTrainingJobs(db())).map(publicJob) }));

const body = z.object({ config: z.unknown() });

export const POST = route(async (req) => {
  const { config } = await readJson(req, body);
  const job = await launchTrainingJob(db(), config, { workRoot: trainingWorkRoot(), appUrl: defaultAppUrl() });
  return Response.json({ job: publicJob(job) }, { status: 201 });
});
