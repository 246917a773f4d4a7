import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { pauseRun } from "@/lib/pipeline/run/run-control";

export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ run: await pauseRun(db(), (await params).id) }));
