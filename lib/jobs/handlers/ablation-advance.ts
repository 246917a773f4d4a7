import { z } from "zod";
import { defineJob } from "@/lib/jobs/types";
import { advanceVariant } from "@/lib/ablations/advance";
import { ABLATION_JOB } from "@/lib/ablations/ids";

/** Moves an ablation variant along its chain: exports its dataset, launches its training or evaluation. */
export const ablationAdvance = defineJob({
  name: ABLATION_JOB,
  description: "Ablation variant: export its dataset, sample Ds4 from its SFT model, then start its training and evaluation as each step ends",
  payload: z.object({ variantId: z.string().min(1) }),
  maxAttempts: 3,
  backoffBaseMs: 2_000,
  timeoutMs: 6 * 3600_000,
  async handle({ db, payload, signal }) {
    const v = await advanceVariant(db, payload.variantId, { signal });
    return { step: v.step, status: v.status };
  },
});
