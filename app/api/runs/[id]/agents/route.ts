import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { listRunAgents } from "@/lib/pipeline/run/run-queries";

export const dynamic = "force-dynamic";

export const GET = route(async (_req, { params }: { params: Promise<{ id: string }> }) => ({ agents: await listRunAgents(db(), (await params).id) }));
