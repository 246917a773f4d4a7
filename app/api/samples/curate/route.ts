import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { curateSamples } from "@/lib/samples/curate-samples";
import { sampleFilterSchema } from "@/lib/samples/sample-filter";

export const dynamic = "force-dynamic";

const body = z.union([
  z.object({ action: z.enum(["accept", "reject", "reset"]), ids: z.array(z.string().min(1)).min(1).max(5000) }),
  z.object({ action: z.enum(["accept", "reject", "reset"]), filter: sampleFilterSchema }),
]);

/** POST { action, ids } or { action, filter }: bulk accept / reject / reset. */
export const POST = route(async (req) => {
  const b = await readJson(req, body);
  return curateSamples(db(), b.action, "ids" in b ? { ids: b.ids } : { filter: b.filter });
});
