import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  await db().$queryRawUnsafe("SELECT 1");
  return { ok: true };
}, { public: true });
