import { z } from "zod";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getEvaluation, listResults } from "@/lib/evals/app/evaluations";

export const dynamic = "force-dynamic";

const query = z.object({
  language: z.string().max(10).optional(),
  benchmark: z.string().max(20).optional(),
  passed: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const evaluation = await getEvaluation(db(), (await params).id);
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  return listResults(db(), evaluation.id, q);
});
