import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { retryVariant } from "@/lib/ablations/manage-variant";

type Ctx = { params: Promise<{ id: string; key: string }> };

/** Runs a failed or blocked variant's step again. */
export const POST = route(async (_req, { params }: Ctx) => {
  const { id, key } = await params;
  return { variant: await retryVariant(db(), id, decodeURIComponent(key)) };
});
