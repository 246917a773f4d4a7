/**
 * What is secret, decided in one place (pure):
 *
 * - an endpoint's `apiKey`, and the value of every one of its `headers` (headers are where
 *   credentials go: Authorization, x-api-key, cookies, a gateway's own names);
 * - environment variables: a child process gets an allow-list (CHILD_ENV_NAMES), never the
 *   app's own ADMIN_PASSWORD / ADMIN_TOKEN / SESSION_SECRET / DATABASE_URL or provider API keys.
 *
 * Structured data leaving the server (API responses, exported configs, snapshots) goes
 * through `redactEndpoint`; free text (events, logs) through `redactText` with `secretValues`.
 */

export const REDACTED = "[redacted]";

interface EndpointLike {
  apiKey?: string;
  headers?: Record<string, string>;
}

/** The endpoint as it may be shown or exported: no key; header names kept, their values masked. */
export function redactEndpoint<E extends EndpointLike>(e: E): E {
  const { apiKey: _key, headers, ...rest } = e;
  return (headers ? { ...rest, headers: Object.fromEntries(Object.keys(headers).map((k) => [k, REDACTED])) } : rest) as E;
}

/** A run config (or anything with models.endpoints) with every endpoint redacted. */
export function redactRunConfig<C extends { models: { endpoints: EndpointLike[] } }>(config: C): C {
  return { ...config, models: { ...config.models, endpoints: config.models.endpoints.map(redactEndpoint) } };
}

/** Secret strings to scrub out of free text (a model's error message can echo a header). */
export function secretValues(endpoints: readonly EndpointLike[]): string[] {
  return [...new Set(endpoints.flatMap((e) => [e.apiKey, ...Object.values(e.headers ?? {})]).filter((s): s is string => Boolean(s && s.length >= 4)))];
}

/** The app's own secrets among its settings (lib/env.ts): never in a log, an error or an event. */
export function envSecretValues(e: { ADMIN_PASSWORD?: string; ADMIN_TOKEN?: string; SESSION_SECRET?: string; HF_TOKEN?: string; HUGGING_FACE_HUB_TOKEN?: string; databaseUrl?: string }): string[] {
  let dbPassword: string | undefined;
  try {
    dbPassword = e.databaseUrl && !e.databaseUrl.startsWith("file:") ? decodeURIComponent(new URL(e.databaseUrl).password) : undefined;
  } catch {
    dbPassword = undefined;
  }
  return [e.ADMIN_PASSWORD, e.ADMIN_TOKEN, e.SESSION_SECRET, e.HF_TOKEN, e.HUGGING_FACE_HUB_TOKEN, dbPassword].filter((s): s is string => Boolean(s && s.length >= 4));
}

/** Replaces every occurrence of a secret in a JSON value with a mask. */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  // as the secret appears inside a JSON string (quotes and backslashes escaped)
  const live = secrets.filter((s) => s.length >= 4).map((s) => JSON.stringify(s).slice(1, -1));
  if (live.length === 0 || value === undefined) return value;
  const text = JSON.stringify(value);
  if (!live.some((s) => text.includes(s))) return value;
  return JSON.parse(redactText(text, live)) as T;
}

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(REDACTED);
  return out;
}

/**
 * Environment a child process (trainer, git, ssh/scp, Slurm tools) may see: the system's
 * basics, locale, the Python/CUDA/NCCL/Hugging Face settings a trainer needs (HF_TOKEN
 * included: gated models need it), proxies, the ssh agent, Slurm's own variables.
 */
const CHILD_ENV_NAMES = new Set([
  "PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG", "LANGUAGE", "TERM", "TZ", "TMPDIR", "HOSTNAME",
  "SSH_AUTH_SOCK", "LD_LIBRARY_PATH", "VIRTUAL_ENV", "CONDA_PREFIX", "CONDA_DEFAULT_ENV", "PYTHONPATH", "PYTHONHOME",
  "HUGGING_FACE_HUB_TOKEN", "TRANSFORMERS_OFFLINE", "TRANSFORMERS_CACHE", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR",
  "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "SLURM_CONF",
]);
const CHILD_ENV_PREFIXES = ["LC_", "CUDA_", "NCCL_", "TORCH_", "PYTORCH_", "OMP_", "MKL_", "HF_", "SLURM_"];

export function isChildEnvName(name: string): boolean {
  return CHILD_ENV_NAMES.has(name) || CHILD_ENV_PREFIXES.some((p) => name.startsWith(p));
}

export function childEnvFrom(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((kv): kv is [string, string] => kv[1] !== undefined && isChildEnvName(kv[0])));
}
