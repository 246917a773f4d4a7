import { z } from "zod";

/**
 * Which samples a table page, a bulk action, the charts or an export are about. Shared by the
 * API (query strings), the CLI (--filter key=value) and the browser, so it holds no I/O.
 * List-valued fields accept comma-separated text ("accepted,edited").
 */
export const PARTS = ["ds1", "ds2", "ds3", "ds4"] as const;
export const CURATIONS = ["pending", "accepted", "rejected", "edited"] as const;
/**
 * Sandbox verdicts (MultiPL-E's, plus resource ones), "no_tests" (verify could not get tests
 * written), "vacuous" (the tests pass a stub of the solution too: they assert nothing), and
 * three groups: any failure of the sample's own tests, never run, and passed but the stub check
 * was unavailable ("stub_unavailable": the solution could not be stubbed).
 */
export const VERDICTS = ["ok", "failed", "none", "vacuous", "stub_unavailable", "syntax_error", "exception", "timeout", "memory", "output_limit", "unavailable", "no_tests"] as const;
export const SORTS = ["new", "score"] as const;

export type Part = (typeof PARTS)[number];
export type Curation = (typeof CURATIONS)[number];
export type Verdict = (typeof VERDICTS)[number];

const list = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: () => `${what} must be one of ${values.join(", ")}` })))
    .transform((v) => (v.length ? [...new Set(v)] : undefined));

const score = z.union([z.number(), z.string().trim().min(1).transform(Number)]).pipe(z.number({ error: "must be a number" }).refine(Number.isFinite, "must be a number"));

export const sampleFilterSchema = z
  .object({
    runId: z.string().trim().min(1).max(200).optional(),
    language: z
      .union([z.string(), z.array(z.string())])
      .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9+#_-]{1,20}$/i, "language ids are short names like py or cpp")))
      .transform((v) => (v.length ? [...new Set(v)] : undefined))
      .optional(),
    part: list(PARTS, "part").optional(),
    curation: list(CURATIONS, "curation").optional(),
    verdict: list(VERDICTS, "verdict").optional(),
    minScore: score.optional(),
    maxScore: score.optional(),
    /** Substring of the instruction or the solution, case-insensitive. */
    q: z.string().trim().max(200).transform((s) => s || undefined).optional(),
    /** Samples the scorer filtered out: hidden, only those, or (default) both. */
    filtered: z.enum(["hide", "only"]).optional(),
  })
  .refine((f) => f.minScore === undefined || f.maxScore === undefined || f.minScore <= f.maxScore, {
    message: "must not be above maxScore",
    path: ["minScore"],
  });

export type SampleFilter = z.output<typeof sampleFilterSchema>;
export type SampleFilterInput = z.input<typeof sampleFilterSchema>;

const KEYS = ["runId", "language", "part", "curation", "verdict", "minScore", "maxScore", "q", "filtered"] as const;

export type FilterField = (typeof KEYS)[number];
type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function rawFilter(params: Params): Record<string, string> {
  const get = (k: string) => (params instanceof URLSearchParams ? params.get(k) ?? undefined : firstOf(params[k]));
  const raw: Record<string, string> = {};
  for (const k of KEYS) {
    const v = get(k);
    if (v !== undefined && v !== "") raw[k] = v;
  }
  return raw;
}

/** Reads a filter from query parameters; other parameters (cursor, sort...) are ignored. */
export function filterFromSearchParams(params: Params): SampleFilter {
  return sampleFilterSchema.parse(rawFilter(params));
}

export type FilterCheck = { ok: true; filter: SampleFilter } | { ok: false; errors: Partial<Record<FilterField, string>> };

/**
 * A filter read from query parameters, or what is wrong with it field by field, for a form that
 * shows each message beside its control (and must not act on a filter it could not read).
 */
export function checkFilterParams(params: Params): FilterCheck {
  const r = sampleFilterSchema.safeParse(rawFilter(params));
  if (r.success) return { ok: true, filter: r.data };
  const errors: Partial<Record<FilterField, string>> = {};
  for (const issue of r.error.issues) {
    const field = (KEYS as readonly PropertyKey[]).includes(issue.path[0]!) ? (issue.path[0] as FilterField) : "q";
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The inverse of filterFromSearchParams: a filter as query parameters (empty fields left out). */
export function filterToSearchParams(filter: SampleFilterInput): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of KEYS) {
    const v = filter[k];
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out.set(k, Array.isArray(v) ? v.join(",") : String(v));
  }
  return out;
}

/** A filter's fields as typed (strings) and its sort, as the API's query string: empty fields left out, a stable order. */
export function filterQueryString(values: Partial<Record<FilterField | "sort", string>>): string {
  const qs = filterToSearchParams(values as SampleFilterInput);
  if (values.sort && values.sort !== "new") qs.set("sort", values.sort);
  return qs.toString();
}

function firstOf(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The CLI's `--filter key=value` options (each may hold several joined by "&"); `curation=all`
 * selects every curation state.
 */
export function filterFromPairs(pairs: string[], base: Record<string, string> = {}): SampleFilter {
  const raw: Record<string, string> = { ...base };
  for (const part of pairs.flatMap((p) => p.split("&")).filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0) throw new Error(`--filter ${part}: write key=value (keys: ${KEYS.join(", ")})`);
    const key = part.slice(0, eq).trim();
    if (!(KEYS as readonly string[]).includes(key)) throw new Error(`--filter ${key}: unknown key (keys: ${KEYS.join(", ")})`);
    raw[key] = part.slice(eq + 1).trim();
  }
  if (raw.curation === "all") raw.curation = CURATIONS.join(",");
  return sampleFilterSchema.parse(raw);
}
