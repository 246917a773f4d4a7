import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getRun } from "@/lib/pipeline/run/run-queries";

export const dynamic = "force-dynamic";

/** The run with its config (no API keys), its progress and exact counts, and its jobs. */
export const GET = route(async (_req, { params }: { params: Promise<{ id: string }> }) => getRun(db(), (await params).id));
