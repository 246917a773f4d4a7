import { z } from "zod";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { childEnvFrom } from "@/lib/domain/secrets";

/**
 * The only reader of process.env. Parsed once with zod; a bad value fails fast with a
 * message naming the variable.
 */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
      .optional(),
    DATA_DIR: z.string().default("./data"),
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    SESSION_SECRET: z.string().min(16).optional(),
    /** Hugging Face tokens: children (the trainer) get them; logs and errors never show them */
    HF_TOKEN: z.string().optional(),
    HUGGING_FACE_HUB_TOKEN: z.string().optional(),
    /** extra host names the app answers to (a reverse proxy's or tunnel's public name), comma-separated */
    ALLOWED_HOSTS: z
      .string()
      .default("")
      .transform((s) => s.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^(\[?[0-9a-f:.]+\]?|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$/, "a host name or IP address without scheme, port or wildcard"))),
    /**
     * how many reverse proxies in front of the app append the client's address to X-Forwarded-For;
     * 0 (default): nothing forwarded is trusted, a client is the socket's address
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_000_000),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(2),
    JOB_LEASE_MS: z.coerce.number().int().min(500).default(30_000),
    CORPUS_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(2 * 1024 ** 3),
    /** benchmark files offered for decontamination; default <DATA_DIR>/benchmarks */
    BENCHMARKS_DIR: z.string().optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Tests: when set, database tests run against fresh databases in this PostgreSQL cluster.
    XI_TEST_PG_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
  })
  .transform((e) => {
    const dataDir = path.resolve(e.DATA_DIR);
    const databaseUrl = e.DATABASE_URL ?? `file:${path.join(dataDir, "xinstruct.db")}`;
    return {
      ...e,
      dataDir,
      databaseUrl,
      benchmarksDir: path.resolve(e.BENCHMARKS_DIR ?? path.join(dataDir, "benchmarks")),
      dialect: databaseUrl.startsWith("file:") ? ("sqlite" as const) : ("postgresql" as const),
      isLoopback: LOOPBACK.has(e.HOST),
      authRequired: !LOOPBACK.has(e.HOST) || Boolean(e.ADMIN_PASSWORD || e.ADMIN_TOKEN),
    };
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new AppError("invalid:config", `Invalid configuration:\n${lines.join("\n")}`, { status: 500 });
  }
  const env = result.data;
  if (!env.isLoopback && !env.ADMIN_PASSWORD && !env.ADMIN_TOKEN) {
    throw new AppError(
      "invalid:config",
      `HOST=${env.HOST} is not a loopback address: set ADMIN_PASSWORD (or ADMIN_TOKEN) so that the dashboard requires a login.`,
      { status: 500 },
    );
  }
  return env;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The environment a child process (trainer, git, ssh/scp, Slurm tools) gets: an allow-list
 * (lib/domain/secrets.ts), never ADMIN_PASSWORD, ADMIN_TOKEN, SESSION_SECRET, DATABASE_URL or
 * provider API keys. Read at each call: PATH and friends may change while the app runs.
 */
export function childProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...childEnvFrom(process.env), ...extra } as NodeJS.ProcessEnv;
}

/** Tests that change the environment call this to re-read it. */
export function resetEnvForTests(): void {
  cached = undefined;
}
