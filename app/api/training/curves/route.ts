import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listMetricPoints } from "@/lib/training/jobs-service";

export const dynamic = "force-dynamic";

/** Points of several jobs, for overlaying past curves: ?ids=a,b,c */
export const GET = route(async (req) => {
  const ids = (req.nextUrl.searchParams.get("ids") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0 || ids.length > 20) throw new AppError("invalid:ids", "Pass 1 to 20 job ids as ?ids=a,b");
  const points = await listMetricPoints(db(), ids);
  const byJob: Record<string, { step: number; name: string; value: number }[]> = Object.fromEntries(ids.map((id) => [id, []]));
  for (const p of points) byJob[p.trainingJobId]?.push({ step: p.step, name: p.name, value: p.value });
  return { curves: byJob };
});
