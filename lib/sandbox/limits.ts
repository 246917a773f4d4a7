import { AppError } from "@/lib/errors";
import type { Limits } from "@/lib/sandbox/types";

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

/** Defaults shared by every language; MultiPL-E gives a program 15 s. */
export const BASE_LIMITS: Limits = {
  wallMs: 15_000,
  cpuMs: 15_000,
  memoryBytes: 1 * GiB,
  processes: 64,
  outputBytes: 1 * MiB,
  captureBytes: 64 * KiB,
  fileSizeBytes: 16 * MiB,
  openFiles: 256,
  tmpBytes: 64 * MiB,
  compileWallMs: 60_000,
};

export function resolveLimits(languageDefaults: Partial<Limits>, override: Partial<Limits> = {}): Limits {
  const merged = { ...BASE_LIMITS, ...languageDefaults };
  for (const [key, value] of Object.entries(override) as [keyof Limits, number | undefined][]) {
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new AppError("invalid:limits", `Limit ${key} must be a positive number, got ${value}.`);
    merged[key] = value;
  }
  return merged;
}

export const bytes = { KiB, MiB, GiB };
