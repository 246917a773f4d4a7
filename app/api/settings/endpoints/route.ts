import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { endpointInput, listEndpoints, saveEndpoint } from "@/lib/settings/endpoints";

export const dynamic = "force-dynamic";

export const GET = route(async () => ({ endpoints: await listEndpoints(db()) }));
export const POST = route(async (req) => Response.json({ endpoint: await saveEndpoint(db(), await readJson(req, endpointInput)) }, { status: 201 }));
