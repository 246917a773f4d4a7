import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { cancelJob } from "@/lib/jobs/queue";

export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ job: await cancelJob(db(), (await params).id) }));
