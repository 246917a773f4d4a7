export const VERIFY_JOB = "verify.run";
export const DPO_JOB = "dpo.run";
