/** The job that moves an ablation variant along its chain (payload: the variant id). */
export const ABLATION_JOB = "ablation.advance";
