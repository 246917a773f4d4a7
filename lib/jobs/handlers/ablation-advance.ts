import { defineHandler } from "@/lib/jobs/types";
import { advanceVariant } from "@/lib/ablations/advance";
import { ABLATION_JOB } from "@/lib/ablations/ids";

/** Moves an ablation variant along its chain: exports its dataset, launches its training or evaluation. */
export const ablationAdvance = defineHandler(ABLATION_JOB, async ({ db, payload, signal }) => {
  const v = await advanceVariant(db, payload.variantId, { signal });
  return { step: v.step, status: v.status };
});
