import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { parseTrainConfig } from "@/lib/training/config";
import { planForLaunch } from "@/lib/training/dataset-stats";
import { previewTraining } from "@/lib/training/jobs-service";
import { defaultAppUrl, trainingWorkRoot } from "@/lib/training/settings";

/** The command or sbatch script a launch would run, the step plan, and the LLaMA-Factory / TRL exports; creates nothing. */
export const POST = route(async (req) => {
  const { config, datasetSamples } = await readJson(req, z.object({ config: z.unknown(), datasetSamples: z.number().int().positive().optional() }));
  const plan = await planForLaunch(parseTrainConfig(config), datasetSamples);
  return { ...previewTraining(config, { workRoot: trainingWorkRoot(), appUrl: defaultAppUrl() }, plan), plan };
});
