import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { endpointProviders, structuredOutputModes } from "@/lib/domain/model-endpoint";
import { AppError } from "@/lib/errors";
import { checkGgufFile } from "@/lib/llm/local/gguf-file";
import { parseStoredProbe, type ProbeResult } from "@/lib/llm/probe/probe-result";

/**
 * Model endpoints (OpenAI-compatible servers, OpenAI, Anthropic, a local GGUF file, the scripted demo model).
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
  modelPath: z.string().trim().max(4096).optional().transform((s) => s || undefined),
  threads: z.number().int().min(1).max(256).optional(),
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
  structuredOutput: string;
  contextLength: number | null;
  modelPath: string | null;
  threads: number | null;
  /** the last connection test (Settings "Test connection", `xinstruct endpoints test`) */
  probe: ProbeResult | null;
  probedAt: string | null;
}

export function maskKey(key: string | null | undefined): string | null {
  if (!key) return null;
  return key.length <= 8 ? "••••" : `${key.slice(0, 3)}…${key.slice(-4)}`;
}

type EndpointRow = Awaited<ReturnType<Db["modelEndpoint"]["findUniqueOrThrow"]>>;

export function toPublic(row: EndpointRow): PublicEndpoint {
  return {
    id: row.id, name: row.name, provider: row.provider, baseUrl: row.baseUrl, model: row.model, maxConcurrency: row.maxConcurrency,
    priceInPerMTok: row.priceInPerMTok, priceOutPerMTok: row.priceOutPerMTok,
    hasApiKey: Boolean(row.apiKey), apiKeyPreview: maskKey(row.apiKey),
    structuredOutput: row.structuredOutput, contextLength: row.contextLength, modelPath: row.modelPath, threads: row.threads,
    probe: parseStoredProbe(row.probeJson), probedAt: row.probedAt?.toISOString() ?? null,
  };
}

export async function listEndpoints(db: Db): Promise<PublicEndpoint[]> {
  return (await db.modelEndpoint.findMany({ orderBy: { name: "asc" } })).map(toPublic);
}

export async function saveEndpoint(db: Db, raw: z.input<typeof endpointInput>): Promise<PublicEndpoint> {
  let input: EndpointInput = endpointInput.parse(raw);
  if (input.provider === "openai-compatible" && !input.baseUrl) {
    throw new AppError("invalid:endpoint", "An OpenAI-compatible endpoint needs a base URL (e.g. http://127.0.0.1:8000/v1).");
  }
  if (input.provider === "local") input = { ...input, ...(await localModelFields(input)) };
  // An empty key field on update keeps the stored key: the browser never had it to send back.
  const apiKey = input.apiKey ? input.apiKey : undefined;
  const data = { ...input, baseUrl: input.baseUrl ?? null, modelPath: input.modelPath ?? null, threads: input.threads ?? null, contextLength: input.contextLength ?? null, apiKey };
  const before = await db.modelEndpoint.findUnique({ where: { name: input.name } });
  // a test of another server, model, file or key says nothing about this one
  const stale = before && (before.provider !== data.provider || before.baseUrl !== data.baseUrl || before.model !== data.model || before.modelPath !== data.modelPath || (apiKey !== undefined && apiKey !== before.apiKey));
  const row = await db.modelEndpoint.upsert({ where: { name: input.name }, create: data, update: stale ? { ...data, probeJson: null, probedAt: null } : data });
  return toPublic(row);
}

/** A local endpoint's file is checked (exists, is a GGUF) and stored as an absolute path. */
async function localModelFields(input: EndpointInput): Promise<Pick<EndpointInput, "modelPath">> {
  if (!input.modelPath) throw new AppError("invalid:endpoint", "A local endpoint needs the path of a .gguf model file (for example data/models/qwen2.5-coder-7b-instruct-q4_k_m.gguf).");
  const file = await checkGgufFile(input.modelPath);
  return { modelPath: file.path };
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
