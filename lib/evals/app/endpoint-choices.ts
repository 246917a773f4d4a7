import "server-only";
import { existsSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import { listEndpoints, type PublicEndpoint } from "@/lib/settings/endpoints";
import { CHAT_ONLY_PROVIDERS } from "./evaluation-endpoint";

/**
 * The Settings endpoints as the evaluation and ablation forms offer them: every one that can run
 * an evaluation (the demo model and local GGUF models included, so one can be launched offline),
 * and for the others the reason they cannot.
 */
export interface EndpointChoice {
  name: string;
  model: string;
  provider: string;
  /** the demo model, local models and Anthropic answer chat prompts only */
  chatOnly: boolean;
  usable: boolean;
  /** why it cannot be used, or what to know about it */
  note?: string;
}

export function endpointChoice(e: PublicEndpoint, fileExists: (p: string) => boolean = existsSync): EndpointChoice {
  const base = { name: e.name, model: e.model, provider: e.provider, chatOnly: CHAT_ONLY_PROVIDERS.has(e.provider) };
  if (e.provider === "openai-compatible" && !e.baseUrl) return { ...base, usable: false, note: "no base URL: set one in Settings" };
  if (e.provider === "local" && (!e.modelPath || !fileExists(e.modelPath))) return { ...base, usable: false, note: `model file ${e.modelPath ?? "(none)"} not found on the server` };
  if (e.probe && !e.probe.ok) return { ...base, usable: false, note: `last connection test failed: ${e.probe.error} Test it again in Settings.` };
  if (e.provider === "scripted") return { ...base, usable: true, note: "offline demo model: placeholder answers, so scores are 0" };
  if (e.provider === "local") return { ...base, usable: true, note: "embedded GGUF model, no server needed" };
  return { ...base, usable: true };
}

export async function evaluationEndpointChoices(db: Db): Promise<EndpointChoice[]> {
  return (await listEndpoints(db)).map((e) => endpointChoice(e));
}
