import "server-only";
import os from "node:os";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import { freeThreads } from "./free-threads";
import { createLocalModel } from "./local-language-model";

/**
 * The local model of an endpoint (provider "local"). The thread count is fixed here, when a
 * run's client first asks for the model: the cores free at that moment, or the endpoint's
 * `threads`. Concurrent calls each get a sequence of the shared context, up to 8 at once.
 */
export const MAX_LOCAL_SEQUENCES = 8;

export function createEndpointLocalModel(endpoint: ModelEndpoint) {
  const threads = freeThreads({ cores: os.availableParallelism(), loadAverage: os.loadavg()[0], override: endpoint.threads });
  return createLocalModel({
    modelId: endpoint.model,
    modelPath: endpoint.modelPath!,
    threads,
    contextLength: endpoint.contextLength,
    sequences: Math.min(endpoint.concurrency, MAX_LOCAL_SEQUENCES),
  });
}
