import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { testEndpoint } from "@/lib/settings/test-endpoint";

export const dynamic = "force-dynamic";

/** "Test connection": probes the endpoint, stores the result on it, returns both (key masked). */
export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => testEndpoint(db(), { id: (await params).id }));
