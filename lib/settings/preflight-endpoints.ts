import "server-only";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import { AppError } from "@/lib/errors";
import { probeEndpoint } from "@/lib/llm/probe-endpoint";
import { rememberEndpointSecrets } from "@/lib/secrets/scrub";

/**
 * The check before a job starts: every endpoint it needs answers (a quick probe: the model list,
 * a short deadline), so a dead server or a wrong key fails the launch at once with the reason
 * instead of a queued job failing minutes later.
 */
export interface PreflightTarget {
  /** how the user knows it: "endpoint \"local-vllm\"", "the evaluation endpoint" */
  label: string;
  endpoint: Pick<ModelEndpoint, "provider" | "model" | "baseURL" | "apiKey" | "headers" | "modelPath">;
  /** the model may not be served yet (an ablation's models are trained later) */
  skipModelCheck?: boolean;
}

export const PREFLIGHT_TIMEOUT_MS = 5_000;

/** `lead` opens the message: "The evaluation was not started". */
export async function assertEndpointsAnswer(targets: PreflightTarget[], lead: string, timeoutMs = PREFLIGHT_TIMEOUT_MS): Promise<void> {
  rememberEndpointSecrets(...targets.map((t) => t.endpoint));
  const results = await Promise.all(targets.map(async (t) => ({ t, p: await probeEndpoint(t.endpoint, { quick: true, timeoutMs, skipModelCheck: t.skipModelCheck }) })));
  const failed = results.filter((r) => !r.p.ok);
  if (failed.length === 0) return;
  const reasons = failed.map((r) => `${r.t.label}: ${r.p.error}`).join(" ");
  throw new AppError("unavailable:endpoint", `${lead}: ${reasons}`);
}
