import "server-only";
import type { Db } from "@/lib/db/client";
import { DEMO_SCRIPTED_OPTIONS, modelEndpointSchema, type ModelEndpoint } from "@/lib/domain/model-endpoint";
import { MODEL_ROLES, type RunConfig } from "@/lib/domain/run-config";
import { parseStoredProbe } from "@/lib/llm/probe/probe-result";
import { getEndpointWithSecret } from "@/lib/settings/endpoints";
import { secretValues } from "@/lib/domain/secrets";
import { rememberEndpointSecrets } from "@/lib/secrets/scrub";

/**
 * Model endpoints of a run: those written in its config, plus those its roles name from
 * Settings (with their API keys, read server-side at execution time, never stored with the run).
 */

export async function settingsEndpointNames(db: Db): Promise<string[]> {
  return (await db.modelEndpoint.findMany({ select: { name: true } })).map((e) => e.name);
}

type SettingsRow = Awaited<ReturnType<typeof getEndpointWithSecret>>;

export function toModelEndpoint(row: SettingsRow): ModelEndpoint {
  // "auto" uses what the last successful connection test found; a mode set in Settings wins
  const probe = parseStoredProbe(row.probeJson);
  const probed = probe?.ok ? probe : null;
  const parsed = modelEndpointSchema.parse({
    name: "settings",
    provider: row.provider,
    model: row.model,
    baseURL: row.baseUrl ?? undefined,
    apiKey: row.apiKey ?? undefined,
    concurrency: row.maxConcurrency,
    structuredOutput: row.structuredOutput === "auto" ? (probed?.structuredOutput ?? "auto") : row.structuredOutput,
    contextLength: row.contextLength ?? probed?.contextLength ?? undefined,
    modelPath: row.modelPath || undefined,
    threads: row.threads ?? undefined,
    pricePerMillionInput: row.priceInPerMTok ?? undefined,
    pricePerMillionOutput: row.priceOutPerMTok ?? undefined,
    // a demo model added in Settings behaves as the default demo does
    scripted: row.provider === "scripted" ? DEMO_SCRIPTED_OPTIONS : undefined,
  });
  rememberEndpointSecrets(parsed);
  // Settings allow names (spaces) that run configs do not; the role refers to it by that name
  return { ...parsed, name: row.name };
}

export async function resolveSettingsEndpoints(db: Db, config: RunConfig): Promise<ModelEndpoint[]> {
  const inline = new Set(config.models.endpoints.map((e) => e.name));
  const names = [...new Set(MODEL_ROLES.map((r) => config.models[r].endpoint))].filter((n) => !inline.has(n));
  return Promise.all(names.map(async (n) => toModelEndpoint(await getEndpointWithSecret(db, n))));
}

/** What to scrub out of a run's events: its endpoints' keys and header values (lib/domain/secrets.ts decides). */
export function secretsOf(endpoints: readonly ModelEndpoint[]): string[] {
  rememberEndpointSecrets(...endpoints);
  return secretValues(endpoints);
}

/** The endpoints a run's roles use, inline or from Settings (for the check before it starts). */
export async function usedEndpoints(db: Db, config: RunConfig): Promise<ModelEndpoint[]> {
  const names = [...new Set(MODEL_ROLES.map((r) => config.models[r].endpoint))];
  const settings = await resolveSettingsEndpoints(db, config);
  return names.flatMap((n) => config.models.endpoints.find((e) => e.name === n) ?? settings.find((e) => e.name === n) ?? []);
}

/**
 * Whether any of a run's roles answers with the demo model (the run page says so plainly). Reads
 * only the providers of the Settings endpoints it names, never their keys.
 */
export async function runUsesDemoModel(db: Db, config: RunConfig): Promise<boolean> {
  const names = [...new Set(MODEL_ROLES.map((r) => config.models[r].endpoint))];
  const inline = config.models.endpoints.filter((e) => names.includes(e.name));
  const fromSettings = names.filter((n) => !inline.some((e) => e.name === n));
  const rows = fromSettings.length ? await db.modelEndpoint.findMany({ where: { name: { in: fromSettings } }, select: { provider: true } }) : [];
  return [...inline, ...rows].some((e) => e.provider === "scripted");
}
