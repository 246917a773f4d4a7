import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { getAblationView, reconcileAblation } from "@/lib/ablations/queries";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_req, { params }: Ctx) => {
  const { id } = await params;
  await reconcileAblation(db(), id);
  return { ablation: await getAblationView(db(), id) };
});
