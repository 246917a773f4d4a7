import "server-only";
import type { Db } from "@/lib/db/client";
import { parseRunConfig, type RunConfig } from "@/lib/domain/run-config";
import { runConfigFromYaml } from "@/lib/domain/run-config-yaml";
import { AppError } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { checkRunModelFiles } from "@/lib/llm/local/check-model-files";
import { GENERATION_JOB, runTopic } from "./ids";
import { assertEndpointsAnswer } from "@/lib/settings/preflight-endpoints";
import { settingsEndpointNames, usedEndpoints } from "./run-endpoints";
import { storeCorpus, type SnippetInput } from "./store-corpus";

/**
 * Creates a generation run: the full validated config is stored with it (roles may name
 * endpoints from Settings), its snippets come from a corpus (given, or stored from `snippets`),
 * and a generation job carrying only the run id is queued.
 */

export interface CreateRunInput {
  name?: string;
  corpusId?: string;
  /** stored as a new corpus named after the run */
  snippets?: SnippetInput[];
  /** where the snippets came from (a path), for the corpus record */
  snippetsSource?: string;
  /** a config object (validated here) or the YAML text of one */
  config?: unknown;
  yaml?: string;
  /** false: create the run without queueing it (tests, benchmarks) */
  enqueue?: boolean;
}

/** Before anything is stored: the endpoints the run's roles use answer, or the launch fails with why. */
export async function checkRunEndpoints(db: Db, config: RunConfig, lead = "The run was not started"): Promise<void> {
  const endpoints = await usedEndpoints(db, config);
  await assertEndpointsAnswer(endpoints.map((e) => ({ label: `endpoint "${e.name}"`, endpoint: e })), lead);
}

export async function validateRunConfig(db: Db, input: { config?: unknown; yaml?: string }): Promise<RunConfig> {
  const knownEndpoints = await settingsEndpointNames(db);
  const config = input.yaml !== undefined ? runConfigFromYaml(input.yaml, { knownEndpoints }) : parseRunConfig(input.config ?? {}, { knownEndpoints });
  await checkRunModelFiles(config);
  return config;
}

/** The run's generation jobs: one, or one per shard when workers share it (config.shards). */
export async function enqueueGenerationJobs(db: Db, runId: string, shards: number) {
  const jobs = [];
  for (let shard = 0; shard < shards; shard++) jobs.push(await enqueueJob(db, GENERATION_JOB, shards > 1 ? { runId, shard } : { runId }, { runId }));
  return jobs;
}

export async function createRun(db: Db, input: CreateRunInput) {
  const config = await validateRunConfig(db, input);
  if (input.enqueue !== false) await checkRunEndpoints(db, config);
  const name = input.name?.trim() || config.name || `run ${new Date().toISOString().slice(0, 16).replace("T", " ")}`;
  let corpusId = input.corpusId;
  if (corpusId) {
    if (!(await db.corpus.findUnique({ where: { id: corpusId }, select: { id: true } }))) throw new AppError("not_found:corpus", `No corpus ${corpusId}`);
  } else if (input.snippets) {
    corpusId = (await storeCorpus(db, { name: `${name} (snippets)`, source: input.snippetsSource ?? "inline", snippets: input.snippets })).corpusId;
  } else {
    throw new AppError("invalid:run", "A run needs a corpus: give corpusId, or snippets (the CLI's --corpus PATH).");
  }
  const run = await db.run.create({ data: { name, corpusId, config: config as unknown as object, status: "queued" } });
  await db.event.create({ data: { topic: runTopic(run.id), type: "status", data: { status: "queued" } } });
  const job = input.enqueue === false ? null : (await enqueueGenerationJobs(db, run.id, config.shards))[0];
  return { run, job, config };
}
