import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { cancelRun } from "@/lib/pipeline/run/run-control";

export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ run: await cancelRun(db(), (await params).id) }));
