import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { cancelTrainingJob, publicJob } from "@/lib/training/jobs-service";

export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ job: publicJob(await cancelTrainingJob(db(), (await params).id)) }));
