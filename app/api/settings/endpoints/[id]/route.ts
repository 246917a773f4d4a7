import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { deleteEndpoint } from "@/lib/settings/endpoints";

export const DELETE = route(async (_req, { params }: { params: Promise<{ id: string }> }) => {
  await deleteEndpoint(db(), (await params).id);
  return new Response(null, { status: 204 });
});
