import { z } from "zod";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { listRunSamples } from "@/lib/pipeline/run/run-queries";

export const dynamic = "force-dynamic";

const query = z.object({
  part: z.enum(["ds1", "ds2", "ds3", "ds4"]).optional(),
  language: z.string().min(1).optional(),
  filtered: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** A page of the run's samples (?part, language, filtered, limit, cursor = the previous page's nextCursor). */
export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  return listRunSamples(db(), (await params).id, q);
});
