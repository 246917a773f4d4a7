import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { endpointProviders, structuredOutputModes } from "@/lib/domain/model-endpoint";
import { AppError } from "@/lib/errors";

/**
 * Model endpoints (OpenAI-compatible servers, OpenAI, Anthropic, the scripted demo model).
 * API keys are stored server-side; what leaves this module has only a masked preview.
 */
export const endpointInput = z.object({
  name: z.string().trim().min(1).max(80).regex(/^[\w.\- ]+$/, "letters, digits, space, . _ - only"),
  provider: z.enum(endpointProviders),
  baseUrl: z.string().url().optional().or(z.literal("").transform(() => undefined)),
  model: z.string().trim().min(1).max(200),
  apiKey: z.string().max(500).optional(),
  maxConcurrency: z.number().int().min(1).max(1024).default(8),
  priceInPerMTok: z.number().min(0).optional(),
  priceOutPerMTok: z.number().min(0).optional(),
  structuredOutput: z.enum(structuredOutputModes).default("auto"),
  contextLength: z.number().int().min(1).optional(),
  modelPath: z.string().trim().max(4096).optional().or(z.literal("").transform(() => undefined)),
});
export type EndpointInput = z.infer<typeof endpointInput>;

export interface PublicEndpoint {
  id: string;
  name: string;
  provider: string;
  baseUrl: string | null;
  model: string;
  maxConcurrency: number;
  priceInPerMTok: number | null;
  priceOutPerMTok: number | null;
  hasApiKey: boolean;
  apiKeyPreview: string | null;
}

export function maskKey(key: string | null | undefined): string | null {
  if (!key) return null;
  return key.length <= 8 ? "••••" : `${key.slice(0, 3)}…${key.slice(-4)}`;
}

function toPublic(row: { id: string; name: string; provider: string; baseUrl: string | null; model: string; apiKey: string | null; maxConcurrency: number; priceInPerMTok: number | null; priceOutPerMTok: number | null }): PublicEndpoint {
  const { apiKey, ...rest } = row;
  return { ...rest, hasApiKey: Boolean(apiKey), apiKeyPreview: maskKey(apiKey) };
}

export async function listEndpoints(db: Db): Promise<PublicEndpoint[]> {
  return (await db.modelEndpoint.findMany({ orderBy: { name: "asc" } })).map(toPublic);
}

export async function saveEndpoint(db: Db, input: EndpointInput): Promise<PublicEndpoint> {
  if (input.provider === "openai-compatible" && !input.baseUrl) {
    throw new AppError("invalid:endpoint", "An OpenAI-compatible endpoint needs a base URL (e.g. http://127.0.0.1:8000/v1).");
  }
  // An empty key field on update keeps the stored key: the browser never had it to send back.
  const apiKey = input.apiKey ? input.apiKey : undefined;
  const data = { ...input, baseUrl: input.baseUrl ?? null, apiKey };
  const row = await db.modelEndpoint.upsert({ where: { name: input.name }, create: data, update: data });
  return toPublic(row);
}

export async function deleteEndpoint(db: Db, id: string): Promise<void> {
  const { count } = await db.modelEndpoint.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found:endpoint", `No model endpoint ${id}`);
}

/** Server-side only: the full record, key included, for the LLM layer. */
export async function getEndpointWithSecret(db: Db, name: string) {
  const row = await db.modelEndpoint.findUnique({ where: { name } });
  if (!row) throw new AppError("not_found:endpoint", `No model endpoint named "${name}"`);
  return row;
}
