import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { listJobs } from "@/lib/jobs/queue";
import { enqueueUserJob } from "@/lib/jobs/user-jobs";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const status = req.nextUrl.searchParams.get("status") ?? undefined;
  return { jobs: await listJobs(db(), { status, limit: 100 }) };
});

const body = z.object({ type: z.string().min(1).max(200), payload: z.unknown().default({}) });

export const POST = route(async (req) => {
  const { type, payload } = await readJson(req, body);
  return Response.json({ job: await enqueueUserJob(db(), type, payload) }, { status: 201 });
});
