import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { exportToStore } from "@/lib/export/export-store";
import { benchmarkDecontamination } from "@/lib/export/benchmark-decontamination";
import { EXPORT_FORMATS } from "@/lib/export/types";
import { sampleFilterSchema } from "@/lib/samples/sample-filter";

export const dynamic = "force-dynamic";

const body = z.object({
  format: z.enum(EXPORT_FORMATS),
  filter: sampleFilterSchema.default({}),
  fence: z.boolean().default(true),
  /** samples whose own tests fail are left out unless asked for */
  includeFailing: z.boolean().default(false),
  /** exact and near-duplicate samples are dropped unless turned off */
  dedup: z.boolean().default(true),
  name: z.string().trim().min(1).max(100).optional(),
});

/** POST: writes an export under the data folder; the answer lists its files for download. */
export const POST = route(async (req) => {
  const b = await readJson(req, body);
  const result = await exportToStore(db(), env().dataDir, { ...b, decontaminate: await benchmarkDecontamination([env().benchmarksDir]) });
  return Response.json({ ...result, dir: undefined, files: result.files.map((f) => ({ ...f, url: `/api/export/${result.id}/${f.path}` })) }, { status: 201 });
});
