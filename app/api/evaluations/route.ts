import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { createEvaluation, listEvaluations } from "@/lib/evals/app/evaluations";

export const dynamic = "force-dynamic";

export const GET = route(async () => ({ evaluations: await listEvaluations(db()) }));
export const POST = route(async (req) => Response.json({ evaluation: await createEvaluation(db(), await readJson(req, z.unknown())) }, { status: 201 }));
