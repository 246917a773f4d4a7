import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { normalizeBaseUrl, OpenAICompatibleClient } from "@/lib/evals/client/openai-compatible";
import { assertEndpointsAnswer } from "@/lib/settings/preflight-endpoints";
import { runEvaluation } from "@/lib/evals/evaluator";
import { getExecutor } from "@/lib/evals/executor";
import { formatSummary } from "@/lib/evals/format-summary";
import { createGenerator } from "@/lib/evals/generator";
import { loadProblems, parseChoice } from "@/lib/evals/load-problems";
import { openDb } from "@/lib/cli/open-db";
import { createEvaluation, getEvaluation } from "@/lib/evals/app/evaluations";
import { executeEvaluation } from "@/lib/evals/app/execute-evaluation";
import { appendResult, readResultsFile } from "@/lib/evals/results-file";
import { PAPER_LANGUAGES } from "@/lib/domain/language-names";
import { assertLanguagesAvailable } from "@/lib/sandbox/toolchain-check";
import { BENCHMARKS, EVAL_LANGUAGES, type Execute } from "@/lib/evals/types";
import { languageBars } from "@/cli/commands/eval-progress";
import registerEvalImport from "@/cli/commands/eval-import";

/** `deps.execute` replaces the sandbox (tests use the local stand-in executor). */
export default function register(program: Command, deps: { execute?: Execute } = {}): void {
  // `eval import PATH --model X`: options after a subcommand belong to it. Commander only hands
  // them on unparsed when every command above stops at its subcommand (the root has no options).
  program.enablePositionalOptions();
  const command = program
    .command("eval")
    .description("Evaluate a model served by an OpenAI-compatible endpoint on MultiPL-E, HumanEval(+), MBPP(+); `eval import` stores results of other harnesses")
    .enablePositionalOptions()
    .option("--endpoint <url>", "OpenAI-compatible base URL, e.g. http://localhost:8000/v1 (required)")
    .option("--model <name>", "model name sent to the endpoint (required)")
    .option("--benchmark <name>", `one of ${BENCHMARKS.join(", ")}`, "multipl-e")
    .option("--langs <list>", `MultiPL-E languages, comma-separated (of ${EVAL_LANGUAGES.join(",")})`, PAPER_LANGUAGES.join(","))
    .option("--data-dir <path>", "folder or base URL holding the benchmark files (humaneval-LANG.jsonl, HumanEval.jsonl, ...)", "data/benchmarks")
    .option("--mode <mode>", "completion (base models) or chat (instruct models)", "completion")
    .option("--n <n>", "samples per problem", "1")
    .option("--temperature <t>", "sampling temperature", "0")
    .option("--max-tokens <n>", "max new tokens per sample", "1024")
    .option("--concurrency <n>", "generation requests in flight", "8")
    .option("--api-key-file <path>", "file holding the endpoint's API key (sent as a Bearer token, never printed)")
    .option("--results <file>", "per-sample results as JSONL; an existing file is resumed")
    .option("--limit <n>", "only the first N problems per language (smoke runs)")
    .option("--save <name>", "store the evaluation in the database under this name (it appears in the dashboard)")
    .option("--resume <id>", "resume a stored evaluation (started with --save or in the dashboard)")
    .action(async (o: Record<string, string>) => {
      for (const required of ["endpoint", "model"]) {
        if (!o[required]) throw new AppError("invalid:option", `error: required option '--${required} <${required === "model" ? "name" : "url"}>' not specified`);
      }
      const benchmark = parseChoice(o.benchmark, BENCHMARKS, "benchmark");
      const mode = parseChoice(o.mode, ["completion", "chat"] as const, "mode");
      const langs = o.langs.split(",").map((l) => parseChoice(l.trim(), EVAL_LANGUAGES, "language"));
      const n = Number(o.n);
      const apiKey = o.apiKeyFile ? (await readFile(o.apiKeyFile, "utf8")).trim() : undefined;

      const controller = new AbortController();
      process.once("SIGINT", () => controller.abort(new AppError("cancelled:evaluation", "Evaluation cancelled; rerun with the same --results to resume.")));
      const bars = languageBars();
      const onProgress = bars.onProgress;
      if (o.save || o.resume) {
        // Stored in the database: the dashboard shows it, and --resume ID picks it up again.
        const db = await openDb();
        try {
          const evaluation = o.resume
            ? await getEvaluation(db, o.resume)
            : await createEvaluation(db, {
                name: o.save, model: o.model, endpointUrl: o.endpoint, mode, n, temperature: Number(o.temperature), maxTokens: Number(o.maxTokens), concurrency: Number(o.concurrency),
                suites: [{ benchmark, source: o.dataDir, ...(benchmark === "multipl-e" ? { languages: langs } : {}), ...(o.limit ? { limit: Number(o.limit) } : {}) }],
              }, { enqueue: false, apiKey });
          console.error(`evaluation ${evaluation.id} (resume with --resume ${evaluation.id})`);
          const scores = await executeEvaluation(db, evaluation.id, { signal: controller.signal, onProgress, execute: deps.execute, apiKey });
          bars.stop();
          console.log(formatSummary(scores));
        } finally {
          bars.stop();
          await db.$disconnect();
        }
        return;
      }
      // a missing toolchain (e.g. Julia or Swift) fails now, naming what to install
      if (benchmark === "multipl-e" && !deps.execute) await assertLanguagesAvailable(langs);
      // a dead endpoint, a wrong key or an unserved model fails now, with the reason
      await assertEndpointsAnswer([{ label: `endpoint ${o.endpoint}`, endpoint: { provider: "openai-compatible", baseURL: normalizeBaseUrl(o.endpoint), model: o.model, apiKey } }], "The evaluation was not started");
      const problems = await loadProblems({ benchmark, languages: langs, source: o.dataDir, limit: o.limit ? Number(o.limit) : undefined });
      const client = new OpenAICompatibleClient({ url: o.endpoint, model: o.model, apiKey });
      const done = o.results ? await readResultsFile(o.results) : [];
      try {
        const outcome = await runEvaluation({
          problems,
          mode,
          n,
          generate: createGenerator(client, { mode, temperature: Number(o.temperature), maxTokens: Number(o.maxTokens) }),
          execute: deps.execute ?? getExecutor(),
          done,
          concurrency: Number(o.concurrency),
          onResult: o.results ? (r) => appendResult(o.results, r) : undefined,
          onProgress,
          signal: controller.signal,
        });
        bars.stop();
        console.log(formatSummary(outcome.scores));
      } finally {
        bars.stop();
      }
    });
  registerEvalImport(command, deps);
}
