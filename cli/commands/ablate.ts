import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { openDb } from "@/lib/cli/open-db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createAblation } from "@/lib/ablations/create-ablation";
import { formatAblation } from "@/lib/ablations/format";
import { attachEvaluation, retryVariant } from "@/lib/ablations/manage-variant";
import { getAblationView, reconcileAblation } from "@/lib/ablations/queries";
import { resolveRun } from "@/lib/samples/resolve-run";
import { defaultAppUrl, trainingWorkRoot } from "@/lib/training/settings";

interface CreateOpts {
  run: string; variants: string; name?: string; seed: string; trainConfig?: string; baseModel?: string; gpus?: string;
  endpoint?: string; endpointName?: string; benchmark: string; langs?: string; dataDir: string; limit?: string; mode: string; modelTemplate: string; json?: boolean;
  sampleN?: string; sampleTemperature?: string; sampleMaxTokens?: string;
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDb>>) => Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

async function trainingInput(o: CreateOpts): Promise<Record<string, unknown>> {
  const raw = o.trainConfig ? (parseYaml(await readFile(o.trainConfig, "utf8")) ?? {}) : {};
  if (typeof raw !== "object" || Array.isArray(raw)) throw new AppError("invalid:arguments", "--train-config must hold a YAML mapping.");
  const out: Record<string, unknown> = { ...raw };
  if (o.baseModel) out.baseModel = o.baseModel;
  if (o.gpus !== undefined) out.resources = { ...(out.resources as object), gpusPerNode: Number(o.gpus) };
  return out;
}

export default function register(program: Command): void {
  const ablate = program.command("ablate").description("Ablations of a run (the paper's Table 2): variants chained dataset → SFT → Ds4 sampled from it → DPO → evaluation");

  ablate
    .command("create", { isDefault: true })
    .description("Create an ablation and queue every variant's chain; prints the ids")
    .requiredOption("--run <id|name>", "the generation run")
    .option("--variants <list>", "no-ds1,no-ds2,no-ds3,no-ds4,parallel|centralized,size:0.25,... (full is always included)", "")
    .option("--name <name>", "the ablation's name")
    .option("--seed <n>", "seed of the size subsets", "42")
    .option("--train-config <file>", "train.yaml for every variant (its dataset is replaced by the variant's)")
    .option("--base-model <id>", "base model (overrides the train config)")
    .option("--gpus <n>", "GPUs per node (0: CPU, for the tiny-test model)")
    .option("--endpoint <url>", "OpenAI-compatible base URL serving the trained models")
    .option("--endpoint-name <name>", "or a model endpoint from Settings")
    .option("--benchmark <name>", "multipl-e | humaneval | mbpp | humaneval+ | mbpp+", "multipl-e")
    .option("--langs <list>", "MultiPL-E languages (default: all eight)")
    .option("--data-dir <path>", "folder or base URL holding the benchmark files", "data/benchmarks")
    .option("--limit <n>", "only the first N problems per language")
    .option("--mode <mode>", "completion or chat", "completion")
    .option("--model-template <t>", "model name asked of the endpoint: {output} the trained model's folder, {variant} the variant", "{output}")
    .option("--sample-n <n>", "Ds4 answers sampled per query from each variant's SFT model (default: the run's DPO stage's n)")
    .option("--sample-temperature <t>", "their temperature (default: the run's DPO stage's)")
    .option("--sample-max-tokens <n>", "longest sampled answer in tokens", "1024")
    .option("--json", "print the created ids as JSON")
    .action(async (o: CreateOpts) => {
      if (!o.endpoint === !o.endpointName) throw new AppError("invalid:arguments", "Give either --endpoint URL or --endpoint-name NAME for the evaluations.");
      await withDb(async (db) => {
        const run = await resolveRun(db, o.run);
        const created = await createAblation(db, {
          runId: run.id, name: o.name, variants: o.variants, seed: Number(o.seed), training: await trainingInput(o),
          evaluation: {
            endpointUrl: o.endpoint, endpointName: o.endpointName, mode: o.mode, modelTemplate: o.modelTemplate,
            suites: [{ benchmark: o.benchmark, source: o.dataDir, ...(o.langs ? { languages: o.langs.split(",").map((l) => l.trim()) } : {}), ...(o.limit ? { limit: Number(o.limit) } : {}) }],
          },
          sampling: { ...(o.sampleN ? { n: Number(o.sampleN) } : {}), ...(o.sampleTemperature ? { temperature: Number(o.sampleTemperature) } : {}), maxNewTokens: Number(o.sampleMaxTokens ?? 1024) },
        }, { workRoot: trainingWorkRoot(), appUrl: defaultAppUrl(), dataDir: env().dataDir });
        if (o.json) return console.log(JSON.stringify(created, null, 2));
        console.log(`ablation\t${created.id}`);
        for (const v of created.variants) console.log(`${v.key}\t${v.id}\tstep ${v.step}\tjob ${v.jobId ?? "—"}${v.step === "generate" ? `\trun ${v.runId}` : ""}`);
        process.stderr.write("A worker runs the chains (npm start, or xinstruct worker); follow them with: xinstruct ablate show " + created.id + "\n");
      });
    });

  ablate
    .command("show <id>")
    .description("Each variant's place in its chain and the comparison table (pass@1 per language, deltas vs the full data)")
    .option("--json", "as JSON")
    .action(async (id: string, o: { json?: boolean }) => {
      await withDb(async (db) => {
        await reconcileAblation(db, id);
        const view = await getAblationView(db, id);
        process.stdout.write(o.json ? `${JSON.stringify(view, null, 2)}\n` : formatAblation(view));
      });
    });

  ablate
    .command("attach <id>")
    .description("Use an existing evaluation for a variant (a model trained and evaluated elsewhere)")
    .requiredOption("--variant <key>", "e.g. full, no-ds3, size:0.5")
    .requiredOption("--evaluation <id>", "the evaluation's id")
    .action(async (id: string, o: { variant: string; evaluation: string }) => {
      await withDb(async (db) => {
        const v = await attachEvaluation(db, id, o.variant, o.evaluation);
        console.log(`${v.key}\t${v.status}\t${v.message ?? ""}`);
      });
    });

  ablate
    .command("retry <id>")
    .description("Run a failed or blocked variant's step again (a failed training resumes from its checkpoint)")
    .requiredOption("--variant <key>", "the variant")
    .action(async (id: string, o: { variant: string }) => {
      await withDb(async (db) => {
        const v = await retryVariant(db, id, o.variant);
        console.log(`${v.key}\t${v.step}\t${v.status}\tjob ${v.jobId ?? "—"}`);
      });
    });
}
