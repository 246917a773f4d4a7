import "server-only";
import type { Db } from "@/lib/db/client";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import type { RunConfig } from "@/lib/domain/run-config";
import { createModelClient, type ModelClient, type RoleSettings } from "@/lib/llm/model-client";
import { toModelEndpoint } from "@/lib/pipeline/run/run-endpoints";
import { getEndpointWithSecret } from "@/lib/settings/endpoints";

export interface DpoModelSettings {
  /** endpoint name: inline in the run config or from Settings; default the run's R-Generator endpoint */
  model?: string;
  temperature: number;
  maxOutputTokens?: number;
}

/** The client that samples DPO answers: every role points at the chosen endpoint and temperature. */
export async function createDpoClient(db: Db, config: RunConfig, s: DpoModelSettings, extraEndpoints: ModelEndpoint[] = []): Promise<{ client: ModelClient; endpoint: string }> {
  const name = s.model ?? config.models.rGenerator.endpoint;
  const endpoints = [...config.models.endpoints, ...extraEndpoints];
  if (!endpoints.some((e) => e.name === name)) endpoints.push(toModelEndpoint(await getEndpointWithSecret(db, name)));
  const role: RoleSettings = { endpoint: name, temperature: s.temperature, maxOutputTokens: s.maxOutputTokens ?? config.models.rGenerator.maxOutputTokens };
  return { client: createModelClient({ endpoints, roles: { iGenerator: role, rGenerator: role, scorer: role, discussion: role }, seed: config.seed }), endpoint: name };
}
