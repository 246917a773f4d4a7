import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createAblation } from "@/lib/ablations/create-ablation";
import { listAblations } from "@/lib/ablations/queries";
import { defaultAppUrl, trainingWorkRoot } from "@/lib/training/settings";

export const dynamic = "force-dynamic";

export const GET = route(async () => ({ ablations: await listAblations(db()) }));
export const POST = route(async (req) => {
  const created = await createAblation(db(), await readJson(req, z.unknown()), { workRoot: trainingWorkRoot(), appUrl: defaultAppUrl(), dataDir: env().dataDir });
  return Response.json({ ablation: created }, { status: 201 });
});
