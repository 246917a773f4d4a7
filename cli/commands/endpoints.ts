import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { openDb } from "@/lib/cli/open-db";
import { AppError } from "@/lib/errors";
import { summarizeProbe, type ProbeResult } from "@/lib/llm/probe/probe-result";
import { deleteEndpoint, endpointInput, listEndpoints, saveEndpoint } from "@/lib/settings/endpoints";
import { testEndpoint } from "@/lib/settings/test-endpoint";

/** `xinstruct endpoints list | test NAME | add NAME | remove NAME`: the model endpoints of Settings. */
export default function register(program: Command): void {
  const endpoints = program.command("endpoints").description("Model endpoints (as in Settings): list, test the connection, add, remove");
  endpoints
    .command("list")
    .description("List the endpoints with their last connection test")
    .option("--json", "one JSON object per line (API keys only masked)")
    .action(async (o: { json?: boolean }) => {
      const db = await openDb();
      try {
        const rows = await listEndpoints(db);
        if (o.json) return rows.forEach((r) => console.log(JSON.stringify(r)));
        if (rows.length === 0) return console.log("(no endpoints: add one with `xinstruct endpoints add NAME ...` or in Settings)");
        for (const r of rows) {
          const where = r.provider === "local" ? r.modelPath : r.provider === "scripted" ? "demo model (offline)" : (r.baseUrl ?? "provider default");
          const tested = r.probe ? `${summarizeProbe(r.probe)} (${r.probedAt?.slice(0, 16).replace("T", " ")})` : "never tested";
          console.log([r.name, r.provider, r.model, where, `structured output ${r.structuredOutput}`, r.apiKeyPreview ? `key ${r.apiKeyPreview}` : "no key", tested].join("\t"));
        }
      } finally {
        await db.$disconnect();
      }
    });
  endpoints
    .command("test <name>")
    .description("Test the connection: served models, latency, structured-output mode, context length; exits 1 when it fails")
    .option("--timeout <s>", "seconds per request", "10")
    .option("--json", "print the result as JSON")
    .action(async (name: string, o: { timeout: string; json?: boolean }) => {
      const db = await openDb();
      try {
        const { probe } = await testEndpoint(db, { name }, { timeoutMs: seconds(o.timeout) * 1000 });
        if (o.json) console.log(JSON.stringify(probe));
        else printProbe(name, probe);
        if (!probe.ok) process.exitCode = 1;
      } finally {
        await db.$disconnect();
      }
    });
  endpoints
    .command("add <name>")
    .description("Add or replace an endpoint, then test it (exits 1 when the test fails; the endpoint stays saved)")
    .requiredOption("--provider <p>", "openai-compatible | openai | anthropic | local | scripted")
    .requiredOption("--model <id>", "the served model's id (or a label, for local and scripted)")
    .option("--base-url <url>", "e.g. http://127.0.0.1:8000/v1 (openai-compatible)")
    .option("--api-key-file <file>", "a file holding the API key (never printed)")
    .option("--model-path <file>", "provider local: the .gguf file")
    .option("--structured-output <mode>", "auto | json_schema | json_object | none", "auto")
    .option("--concurrency <n>", "requests in flight", "8")
    .option("--no-test", "save without testing the connection")
    .action(async (name: string, o: Record<string, string | boolean | undefined>) => {
      const apiKey = typeof o.apiKeyFile === "string" ? (await readFile(o.apiKeyFile, "utf8")).trim() : undefined;
      const parsed = endpointInput.safeParse({
        name, provider: o.provider, model: o.model, baseUrl: o.baseUrl ?? "", apiKey, modelPath: o.modelPath ?? "",
        structuredOutput: o.structuredOutput, maxConcurrency: Number(o.concurrency),
      });
      if (!parsed.success) throw new AppError("invalid:endpoint", parsed.error.issues.map((i) => `${i.path.join(".") || "endpoint"}: ${i.message}`).join("; "));
      const db = await openDb();
      try {
        const saved = await saveEndpoint(db, parsed.data);
        console.log(`saved endpoint "${saved.name}"`);
        if (o.test === false) return;
        const { probe } = await testEndpoint(db, { name: saved.name });
        printProbe(saved.name, probe);
        if (!probe.ok) process.exitCode = 1;
      } finally {
        await db.$disconnect();
      }
    });
  endpoints
    .command("remove <name>")
    .description("Delete an endpoint")
    .action(async (name: string) => {
      const db = await openDb();
      try {
        const row = await db.modelEndpoint.findUnique({ where: { name }, select: { id: true } });
        if (!row) throw new AppError("not_found:endpoint", `No model endpoint named "${name}"`);
        await deleteEndpoint(db, row.id);
        console.log(`removed endpoint "${name}"`);
      } finally {
        await db.$disconnect();
      }
    });
}

function seconds(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > 600) throw new AppError("invalid:option", `--timeout must be a number of seconds between 0 and 600, not "${v}"`);
  return n;
}

function printProbe(name: string, p: ProbeResult): void {
  const lines = [`${name}: ${p.ok ? "ok" : "FAILED"}${p.server ? ` (${p.server})` : ""} in ${p.tookMs} ms`];
  if (!p.ok) lines.push(`  error: ${p.error}`);
  if (p.servedModels) lines.push(`  served models: ${p.servedModels.length ? p.servedModels.join(", ") : "(none listed)"}${p.modelServed === false ? "  ← the configured model is not among them" : ""}`);
  if (p.latencyMs !== undefined) lines.push(`  latency: ${p.latencyMs} ms (one short chat request)`);
  if (p.structuredOutput) lines.push(`  structured output: ${p.structuredOutput}`);
  if (p.contextLength) lines.push(`  context length: ${p.contextLength} tokens (${p.contextSource ?? "reported by the server"})`);
  if (p.fileBytes !== undefined) lines.push(`  model file: ${(p.fileBytes / 1024 / 1024).toFixed(1)} MiB`);
  for (const n of p.notes) lines.push(`  note: ${n}`);
  console.log(lines.join("\n"));
}
