import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { deleteEvaluation, getEvaluation } from "@/lib/evals/app/evaluations";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req, { params }: Ctx) => ({ evaluation: await getEvaluation(db(), (await params).id) }));
export const DELETE = route(async (_req, { params }: Ctx) => {
  await deleteEvaluation(db(), (await params).id);
  return new Response(null, { status: 204 });
});
