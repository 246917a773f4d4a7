import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DEFAULT_LANGUAGES, MULTIPLE_LANGUAGES as RUN_LANGUAGES } from "./language-names";
import { DEFAULT_ENDPOINT_LIST, modelEndpointSchema } from "./model-endpoint";
import { DEFAULT_OPERATIONS } from "./evolution-operations";
import { DEFAULT_ASPECTS } from "./scoring-rubric";

/**
 * A generation run's config: every knob of the method (DESIGN.md "The method") with the
 * paper's defaults where it gives them, and reasoned ones where it does not (noted below).
 * Stored with the run; exported to and imported from YAML (run-config-yaml.ts).
 */

// a run generates only languages the registry has and the sandbox verifies (one entry each)
const languageId = z.string().superRefine((v, ctx) => {
  if (!(RUN_LANGUAGES as readonly string[]).includes(v)) ctx.addIssue({ code: "custom", message: `unknown language "${v}"; known: ${RUN_LANGUAGES.join(", ")}` });
});

const aspectSchema = z
  .object({ name: z.string().regex(/^[a-z][a-z0-9-]*$/, "lower-case, digits and '-'"), description: z.string().min(1), weight: z.number().positive().default(1) })
  .strict();

const operationSchema = z.union([
  z.string().min(1),
  z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), description: z.string().min(1) }).strict(),
]);

const roleSchema = (temperature: number) =>
  z
    .object({
      endpoint: z.string().min(1).default("demo"),
      temperature: z.number().min(0).max(2).default(temperature),
      maxOutputTokens: z.number().int().positive().default(2048),
    })
    .strict();

const rawSchema = z
  .object({
    name: z.string().max(200).optional(),
    /** every random choice of the run derives from it; with the scripted model it fixes the output */
    seed: z.number().int().min(0).max(0xffffffff).default(42),
    languages: z.array(languageId).min(1).default([...DEFAULT_LANGUAGES]),
    /**
     * jobs that share the run's generation, one per worker meant to take part (workers on other
     * machines sharing the PostgreSQL database); each seed task and discussion runs once, and the
     * samples are the same for any number
     */
    shards: z.number().int().min(1).max(64).default(1),
    seedData: z
      .object({
        /** ds1: instruction first; ds2: response first (paper §2.1) */
        modes: z.array(z.enum(["ds1", "ds2"])).min(1).default(["ds1", "ds2"]),
        samplesPerSnippet: z.number().int().min(1).max(16).default(1),
        maxSnippets: z.number().int().positive().nullable().default(null),
      })
      .strict()
      .prefault({}),
    scorer: z
      .object({
        aspects: z.array(aspectSchema).min(1).default(DEFAULT_ASPECTS),
        scale: z.union([z.literal(5), z.literal(10)]).default(5),
        /** weighted mean below this: kept but filtered (not given by the paper) */
        threshold: z.number().min(1).default(3),
      })
      .strict()
      .prefault({}),
    agents: z
      .object({
        /**
         * null: one agent per accepted seed sample, the paper's instance-level agents (§2.3);
         * N: N agents per language, founded by its N best seeds, whose memories take the
         * language's other seeds in turn (fewer where a language has fewer accepted seeds)
         */
        perLanguage: z.number().int().min(1).max(10_000).nullable().default(null),
        operations: z.array(operationSchema).min(1).default(DEFAULT_OPERATIONS),
        operationsPerStep: z.number().int().min(1).max(5).default(1),
        /** appended to every agent's profile */
        profile: z.string().max(4000).optional(),
        memory: z
          .object({
            /** T; the paper does not publish its value */
            capacity: z.number().int().min(1).max(100_000).default(16),
            similarity: z
              .object({
                instructionMeasure: z.enum(["rouge-l", "jaccard"]).default("rouge-l"),
                codeMeasure: z.enum(["jaccard", "rouge-l"]).default("jaccard"),
                combine: z.enum(["max", "weighted", "instruction", "code"]).default("max"),
                instructionWeight: z.number().min(0).max(1).default(0.5),
                /** Self-Instruct keeps an instruction only if ROUGE-L < 0.7 to every kept one */
                threshold: z.number().gt(0).max(1).default(0.7),
              })
              .strict()
              .prefault({}),
          })
          .strict()
          .prefault({}),
        reflectionsInPrompt: z.number().int().min(0).max(50).default(3),
      })
      .strict()
      .prefault({}),
    discussion: z
      .object({
        mode: z.enum(["centralized", "parallel"]).default("centralized"),
        groupSize: z.number().int().min(2).max(16).default(3),
        /** extra critique rounds before the synthesis; 0 = the paper's single prompt */
        critiqueRounds: z.number().int().min(0).max(5).default(0),
        /** free: any run language; group: one of the group's; new: one the group does not speak */
        targetLanguage: z.enum(["free", "group", "new"]).default("free"),
        /** group agents of different languages; fall back to mixed groups only when impossible */
        distinctLanguages: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    targets: z
      .object({
        /** discussions to run = new Ds3 samples attempted (filtered ones count) */
        ds3Samples: z.number().int().min(0).default(1000),
      })
      .strict()
      .prefault({}),
    models: z
      .object({
        endpoints: z.array(modelEndpointSchema).default(DEFAULT_ENDPOINT_LIST),
        iGenerator: roleSchema(0.7).prefault({}),
        rGenerator: roleSchema(0.2).prefault({}),
        scorer: roleSchema(0).prefault({}),
        discussion: roleSchema(0.8).prefault({}),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export const MODEL_ROLES = ["iGenerator", "rGenerator", "scorer", "discussion"] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

export type RunConfigInput = z.input<typeof rawSchema>;
type Parsed = z.infer<typeof rawSchema>;
export type Operation = { id: string; description: string };
export type RunConfig = Omit<Parsed, "agents"> & { agents: Omit<Parsed["agents"], "operations"> & { operations: Operation[] } };

export interface RunConfigIssue {
  path: (string | number)[];
  message: string;
}

export interface RunConfigOptions {
  /** endpoint names defined outside the config (Settings) that roles may reference */
  knownEndpoints?: string[];
}

function check(c: Parsed, options: RunConfigOptions): RunConfigIssue[] {
  const issues: RunConfigIssue[] = [];
  const dupes = (values: string[], path: (string | number)[], what: string) => {
    values.forEach((v, i) => {
      if (values.indexOf(v) !== i) issues.push({ path: [...path, i], message: `duplicate ${what} "${v}"` });
    });
  };
  dupes(c.languages, ["languages"], "language");
  dupes(c.scorer.aspects.map((a) => a.name), ["scorer", "aspects"], "aspect");
  dupes(c.models.endpoints.map((e) => e.name), ["models", "endpoints"], "endpoint name");
  if (c.scorer.threshold > c.scorer.scale) {
    issues.push({ path: ["scorer", "threshold"], message: `threshold ${c.scorer.threshold} is above the scale's maximum ${c.scorer.scale}` });
  }
  c.agents.operations.forEach((op, i) => {
    if (typeof op === "string" && !DEFAULT_OPERATIONS.some((d) => d.id === op)) {
      issues.push({ path: ["agents", "operations", i], message: `unknown operation "${op}": give {id, description} or one of ${DEFAULT_OPERATIONS.map((d) => d.id).join(", ")}` });
    }
  });
  const names = new Set([...c.models.endpoints.map((e) => e.name), ...(options.knownEndpoints ?? [])]);
  for (const role of MODEL_ROLES) {
    const ref = c.models[role].endpoint;
    if (!names.has(ref)) issues.push({ path: ["models", role, "endpoint"], message: `no model endpoint named "${ref}" (known: ${[...names].join(", ") || "none"})` });
  }
  return issues;
}

function normalise(c: Parsed): RunConfig {
  const operations = c.agents.operations.map((op) => (typeof op === "string" ? DEFAULT_OPERATIONS.find((d) => d.id === op)! : op));
  return { ...c, agents: { ...c.agents, operations } };
}

export type RunConfigResult = { ok: true; config: RunConfig } | { ok: false; issues: RunConfigIssue[] };

export function safeParseRunConfig(input: unknown, options: RunConfigOptions = {}): RunConfigResult {
  const parsed = rawSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })) };
  }
  const issues = check(parsed.data, options);
  return issues.length ? { ok: false, issues } : { ok: true, config: normalise(parsed.data) };
}

export function formatIssues(issues: RunConfigIssue[], lineOf?: (path: (string | number)[]) => number | undefined): string {
  return issues
    .map((i) => {
      const line = lineOf?.(i.path);
      return `  ${i.path.join(".") || "(root)"}${line ? ` (line ${line})` : ""}: ${i.message}`;
    })
    .join("\n");
}

export function parseRunConfig(input: unknown, options: RunConfigOptions = {}): RunConfig {
  const r = safeParseRunConfig(input, options);
  if (!r.ok) throw new AppError("invalid:run-config", `Invalid run config:\n${formatIssues(r.issues)}`, { detail: r.issues });
  return r.config;
}

export function defaultRunConfig(): RunConfig {
  return parseRunConfig({});
}
