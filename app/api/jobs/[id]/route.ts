import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getJob } from "@/lib/jobs/queue";

export const dynamic = "force-dynamic";

export const GET = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ job: await getJob(db(), (await params).id) }));
