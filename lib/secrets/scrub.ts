import "server-only";
import { env } from "@/lib/env";
import { envSecretValues, redactSecrets, redactText, secretValues } from "@/lib/domain/secrets";

/**
 * The secrets this process knows, scrubbed out of everything it stores or prints as free text:
 * Job.lastError, a run's or an evaluation's error, job events, logs, the CLI's error line.
 * lib/domain/secrets.ts decides what is secret; this module remembers the values met at run
 * time (an endpoint's key and header values, registered where a model client is made) beside
 * the app's own (ADMIN_PASSWORD, ADMIN_TOKEN, SESSION_SECRET, HF_TOKEN, the database password).
 * On globalThis: Next bundles a module once per route, and the set must be one per process.
 */
const known: Set<string> = ((globalThis as unknown as { xinstructKnownSecrets?: Set<string> }).xinstructKnownSecrets ??= new Set());

/** Remembers an endpoint's (or endpoints') secrets so that later text is scrubbed of them. */
export function rememberEndpointSecrets(...endpoints: { apiKey?: string; headers?: Record<string, string> }[]): void {
  for (const s of secretValues(endpoints)) known.add(s);
}

function allSecrets(): string[] {
  let own: string[] = [];
  try {
    own = envSecretValues(env());
  } catch {
    // an invalid configuration is reported elsewhere; what is known is still scrubbed
  }
  // longest first: a secret that contains another is masked whole
  return [...new Set([...own, ...known])].sort((a, b) => b.length - a.length);
}

/** Free text with every known secret masked (and `extra`: a secret of this one job, such as its metrics token). */
export function scrubSecrets(text: string, extra: readonly string[] = []): string {
  return redactText(text, extra.length ? [...extra, ...allSecrets()].sort((a, b) => b.length - a.length) : allSecrets());
}

/** A JSON value (an event's data) with every known secret masked. */
export function scrubSecretsIn<T>(value: T): T {
  return redactSecrets(value, allSecrets());
}
