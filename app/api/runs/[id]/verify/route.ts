import { route } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { enqueueVerify } from "@/lib/pipeline/verify/enqueue-stage";

/** Queues stage "verify": progress streams on the run's events (verify.progress, verify.done). */
export const POST = route(async (_req, { params }: { params: Promise<{ id: string }> }) => enqueueVerify(db(), (await params).id));
