import { DEMO_ENDPOINT_NAME, modelEndpointSchema, type ModelEndpoint } from "./model-endpoint";
import { MODEL_ROLES, type RunConfig } from "./run-config";

/**
 * New runs offer the GGUF models found in the data dir before the demo model: each becomes an
 * inline "local" endpoint, listed first, and the roles left on the demo model move to the first
 * of them. A config that already names a local endpoint is left as it is.
 */

export interface LocalModelFile {
  /** absolute path of the .gguf file */
  path: string;
  /** file name without .gguf */
  name: string;
}

const MAX_OFFERED = 8;

export function localEndpointName(file: LocalModelFile): string {
  const slug = file.name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^[-._]+|[-._]+$/g, "").slice(0, 60);
  return `local-${slug || "model"}`;
}

export function localEndpointFor(file: LocalModelFile): ModelEndpoint {
  return modelEndpointSchema.parse({
    name: localEndpointName(file),
    provider: "local",
    model: file.name,
    modelPath: file.path,
    // each concurrent call holds a sequence of the model's context (memory); 4 keeps a 7B model on a laptop
    concurrency: 4,
    // on a CPU a 7B model writes ~10 tokens/s: a 2048-token answer needs minutes, not the default 2
    timeoutMs: 600_000,
    maxRetries: 1,
  });
}

export function offerLocalModels(config: RunConfig, files: readonly LocalModelFile[]): RunConfig {
  if (files.length === 0 || config.models.endpoints.some((e) => e.provider === "local")) return config;
  const offered: ModelEndpoint[] = [];
  for (const f of files.slice(0, MAX_OFFERED)) {
    const e = localEndpointFor(f);
    if (!offered.some((o) => o.name === e.name)) offered.push(e);
  }
  const names = new Set(offered.map((e) => e.name));
  const models = { ...config.models, endpoints: [...offered, ...config.models.endpoints.filter((e) => !names.has(e.name))] };
  for (const role of MODEL_ROLES) {
    if (models[role].endpoint === DEMO_ENDPOINT_NAME) models[role] = { ...models[role], endpoint: offered[0].name };
  }
  return { ...config, models };
}
