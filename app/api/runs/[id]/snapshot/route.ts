import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getRunSnapshot } from "@/lib/pipeline/run/run-snapshot";

export const dynamic = "force-dynamic";

/** The run view's state as of the newest event (`lastSeq`); follow /api/runs/:id/events?lastEventId=lastSeq from there. */
export const GET = route(async (_req, { params }: { params: Promise<{ id: string }> }) => getRunSnapshot(db(), (await params).id));
