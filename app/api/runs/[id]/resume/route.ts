import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { resumeRun } from "@/lib/pipeline/run/run-control";

export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ run: await resumeRun(db(), (await params).id) }));
