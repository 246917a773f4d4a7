import { z } from "zod";
import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { CALL_OUTCOMES } from "@/lib/domain/call-outcomes";
import { listRunCalls } from "@/lib/pipeline/run/run-calls";

export const dynamic = "force-dynamic";

const query = z.object({
  outcome: z.enum(CALL_OUTCOMES).optional(),
  step: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  after: z.coerce.number().int().min(0).optional(),
});

/** A run's model calls, each answer as the model sent it, oldest first; `after` pages on. */
export const GET = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const q = query.parse(Object.fromEntries([...req.nextUrl.searchParams].filter(([, v]) => v !== "")));
  return { calls: await listRunCalls(db(), id, q) };
});
