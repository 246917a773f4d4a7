import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { dpoSettingsSchema } from "@/lib/pipeline/dpo/dpo-options";
import { enqueueDpo } from "@/lib/pipeline/verify/enqueue-stage";

/** Queues stage "dpo"; optional JSON body { model?, n?, temperature?, maxPairs?, preferShortest?, languages?, limit?, fromModel?, fromJob? } (fromJob: sample that training job's final model where it ran). */
export const POST = route(async (req, { params }: { params: Promise<{ id: string }> }) => {
  const settings = (await readJson(req, dpoSettingsSchema.optional())) ?? dpoSettingsSchema.parse({});
  return enqueueDpo(db(), (await params).id, settings);
});
