import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { planForLaunch } from "@/lib/training/dataset-stats";
import { previewTraining } from "@/lib/training/jobs-service";
import { defaultAppUrl, trainingWorkRoot } from "@/lib/training/settings";

/** The command or sbatch script a launch would run, the step plan, and the LLaMA-Factory / TRL exports; creates nothing. */
export const POST = route(async (req) => {
  const { config, datasetSamples } = await readJson(req, z.object({ config: z.unknown(), datasetSamples: z.number().int().positive().optional() }));
  const preview = previewTraining(config, { workRoot: trainingWorkRoot(), appUrl: defaultAppUrl() });
  return { ...preview, plan: await planForLaunch(preview.config, datasetSamples) };
});
