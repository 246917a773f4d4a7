import "server-only";
import { runLocal } from "@/lib/training/backends/local";
import { runSlurm } from "@/lib/training/backends/slurm";
import { runSsh } from "@/lib/training/backends/ssh";
import type { RunBackend } from "@/lib/training/backends/types";
import type { BackendPlan } from "@/lib/training/launch-plan";

/** The backend that runs a plan (a training job's, or the sampler's). */
export const BACKENDS: Record<BackendPlan["backend"], RunBackend> = { local: runLocal, ssh: runSsh, slurm: runSlurm };
