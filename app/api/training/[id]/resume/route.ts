import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { publicJob } from "@/lib/training/jobs-service";
import { resumeTrainingJob } from "@/lib/training/launch";

export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ job: publicJob(await resumeTrainingJob(db(), (await params).id)) }));
