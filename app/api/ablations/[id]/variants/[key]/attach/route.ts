import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { attachEvaluation } from "@/lib/ablations/manage-variant";

type Ctx = { params: Promise<{ id: string; key: string }> };

/** Uses an existing evaluation for a variant. */
export const POST = route(async (req, { params }: Ctx) => {
  const { id, key } = await params;
  const { evaluationId } = await readJson(req, z.object({ evaluationId: z.string().min(1) }));
  return { variant: await attachEvaluation(db(), id, decodeURIComponent(key), evaluationId) };
});
