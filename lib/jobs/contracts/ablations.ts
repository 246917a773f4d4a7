import { z } from "zod";
import { ABLATION_JOB } from "@/lib/ablations/ids";
import { defineJobContract } from "./define";

/** Moves an ablation variant along its chain: exports its dataset, launches its training or evaluation. */
export const ablationAdvanceContract = defineJobContract({
  name: ABLATION_JOB,
  description: "Ablation variant: export its dataset, sample Ds4 from its SFT model, then start its training and evaluation as each step ends",
  payload: z.object({ variantId: z.string().min(1) }),
  maxAttempts: 3,
  backoffBaseMs: 2_000,
  timeoutMs: 6 * 3600_000,
});
