import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { previewTraining } from "@/lib/training/jobs-service";
import { defaultAppUrl, trainingWorkRoot } from "@/lib/training/settings";

/** The command or sbatch script a launch would run, and the LLaMA-Factory / TRL exports; creates nothing. */
export const POST = route(async (req) => {
  const { config } = await readJson(req, z.object({ config: z.unknown() }));
  return previewTraining(config, { workRoot: trainingWorkRoot(), appUrl: defaultAppUrl() });
});
