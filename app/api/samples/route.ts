import { z } from "zod";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { filterFromSearchParams } from "@/lib/samples/sample-filter";
import { listSamples, MAX_PAGE } from "@/lib/samples/list-samples";

export const dynamic = "force-dynamic";

const pageParams = z.object({
  sort: z.enum(["new", "score"]).default("new"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
  total: z.enum(["0", "1"]).optional(),
});

/** GET /api/samples?runId&language&part&curation&verdict&minScore&maxScore&q&filtered&sort&cursor&limit&total=1 */
export const GET = route(async (req) => {
  const sp = req.nextUrl.searchParams;
  const filter = filterFromSearchParams(sp);
  const page = pageParams.parse(Object.fromEntries([...sp].filter(([k]) => k in pageParams.shape)));
  return listSamples(db(), filter, { sort: page.sort, cursor: page.cursor, limit: page.limit, withTotal: page.total === "1" });
});
