import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getDpoQuery } from "@/lib/pipeline/dpo/dpo-queries";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string; sampleId: string }> };

/** GET: a query's sampled answers with verdicts and output, and the pairs formed from them (404 when it had no DPO stage). */
export const GET = route(async (_req, { params }: Ctx) => {
  const { id, sampleId } = await params;
  return getDpoQuery(db(), id, sampleId);
});
