import "server-only";
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import type { LanguageModel } from "ai";
import { cancellable, type AgentContext } from "@/lib/agents/context";
import { createAgents } from "@/lib/agents/create-agents";
import { seedFromSnippet, seedSampleId } from "@/lib/agents/generate-seed";
import { seedTasks } from "@/lib/agents/in-memory-run";
import { runDiscussion } from "@/lib/agents/run-discussion";
import { mapPool, runDag } from "@/lib/agents/schedulers";
import type { Db } from "@/lib/db/client";
import { planRunDiscussions } from "@/lib/domain/discussion-protocol";
import type { ModelEndpoint } from "@/lib/domain/model-endpoint";
import { MODEL_ROLES, parseRunConfig } from "@/lib/domain/run-config";
import type { InstructionSample } from "@/lib/domain/sample";
import { AppError } from "@/lib/errors";
import { createRunModelClient } from "@/lib/llm/model-client";
import { appendEndOnce, finishRun } from "./finish-run";
import { runTopic, type RunStatus } from "./ids";
import { replayAgents } from "./replay-agents";
import { resolveSettingsEndpoints, secretsOf, settingsEndpointNames } from "./run-endpoints";
import { loadLedger } from "./run-ledger";
import { judgeRun, RunProgress, type RunCounts } from "./run-progress";
import { loadRunSnippetRows } from "./run-snippets";
import { watchRunStatus } from "./run-status-watch";
import { StepCommitter } from "./step-committer";
import { RunClaims } from "./run-claims";
import { runSharedStages } from "./shared-stages";
import { agentsWrite, discussWrite, seedWrite } from "./step-writes";

/**
 * Executes (or continues) a generation run: stage "seed" (Ds1/Ds2 per snippet, scored), the
 * agents, stage "discuss" (the planned discussions, Ds3). Work already in the run's ledger is
 * skipped and the agents' state is rebuilt from it, so a run stopped anywhere (worker killed,
 * paused) continues where it stopped and, with the scripted model, ends with exactly the
 * samples of an uninterrupted run. Pause and cancel are read from the run's status.
 */

export interface ExecuteRunOptions {
  db: Db;
  runId: string;
  /** aborted when the worker loses the job or stops: what is stored stays, the job runs again */
  signal?: AbortSignal;
  /** the job attempt that owns the run; every write checks it still does */
  fence?: { jobId: string; attempt: number };
  controlPollMs?: number;
  /** a shared run's claims (seed tasks, discussions) are taken over this long after their job stops renewing them */
  claimLeaseMs?: number;
  progressEveryMs?: number;
  /** work units in flight; default twice the largest concurrency of the run's endpoints */
  concurrency?: number;
  resolveModel?: (endpoint: ModelEndpoint) => LanguageModel;
  onProgress?: (counts: RunCounts) => void;
}

export interface RunOutcome {
  status: RunStatus;
  counts: RunCounts | null;
}

export async function executeRun(o: ExecuteRunOptions): Promise<RunOutcome> {
  const { db, runId } = o;
  const run = await db.run.findUnique({ where: { id: runId } });
  if (!run) throw new AppError("not_found:run", `No run ${runId}`);
  const claimed = await db.run.updateMany({ where: { id: runId, status: { in: ["queued", "running"] } }, data: { status: "running", error: null } });
  if (claimed.count === 0) {
    if (o.fence) await reportStopOfLostAttempt(db, runId, run.status, run.counts);
    return { status: run.status as RunStatus, counts: run.counts as RunCounts | null };
  }

  const config = parseRunConfig(run.config, { knownEndpoints: await settingsEndpointNames(db) });
  const settingsEndpoints = await resolveSettingsEndpoints(db, config);
  const client = createRunModelClient(config, { endpoints: settingsEndpoints, resolveModel: o.resolveModel });
  const concurrency = o.concurrency ?? 2 * Math.max(...MODEL_ROLES.map((r) => client.endpointFor(r).concurrency));
  const { snippets, dbIds } = await loadRunSnippetRows(db, run.corpusId, config);
  const ledger = await loadLedger(db, runId);
  const progress = new RunProgress();

  const stop = new AbortController();
  // every call in flight listens to it
  setMaxListeners(0, stop.signal);
  const onOuterAbort = () => stop.abort(o.signal!.reason);
  if (o.signal?.aborted) onOuterAbort();
  o.signal?.addEventListener("abort", onOuterAbort, { once: true });
  const control = watchRunStatus(db, runId, stop, o.controlPollMs ?? 300);
  let lastProgress = 0;
  let forceProgress = true;
  const committer = new StepCommitter(db, {
    runId,
    fence: o.fence,
    secrets: secretsOf([...config.models.endpoints, ...settingsEndpoints]),
    onBatch: (batch) => {
      for (const w of batch) progress.add(w.tally);
      const now = Date.now();
      if (!forceProgress && now - lastProgress < (o.progressEveryMs ?? 250)) return {};
      forceProgress = false;
      lastProgress = now;
      const counts = progress.snapshot();
      o.onProgress?.(counts);
      return { run: { counts, usage: counts.usage, stage: counts.stage }, events: [{ type: "progress", data: counts }] };
    },
    onError: (e) => stop.abort(e),
  });
  const ctx: AgentContext = { client, config, signal: stop.signal };
  await db.event.create({ data: { topic: runTopic(runId), type: "status", data: { status: "running", attempt: o.fence?.attempt ?? null, resumed: ledger.tallies.length > 0 } } });

  try {
    for (const t of ledger.tallies) progress.add(t);
    if (config.shards > 1) {
      // the run shared by its shard jobs, on any workers: lib/pipeline/run/shared-stages.ts
      const claims = new RunClaims(db, runId, o.fence ? `${o.fence.jobId}:${o.fence.attempt}` : `local:${randomUUID()}`, o.claimLeaseMs ?? 30_000);
      claims.startRenewing((e) => stop.abort(e));
      try {
        await runSharedStages({ db, runId, ctx, config, ledger, progress, committer, claims, concurrency, snippets, dbIds, signal: stop.signal, pollMs: o.controlPollMs });
      } finally {
        claims.stop();
      }
    } else {
      // ---- stage "seed"
      const tasks = seedTasks(snippets, config);
      progress.setStage("seed", tasks.length);
      committer.addEvent("stage", { stage: "seed", total: tasks.length, done: progress.counts.seed.done });
      const seeds: (InstructionSample | null | undefined)[] = tasks.map((t) => ledger.seeds.get(seedSampleId(t.snippet, t.mode, t.index))?.sample);
      const todo = tasks.flatMap((_, i) => (seeds[i] === undefined ? [i] : []));
      await mapPool(
        todo,
        concurrency,
        async (i) => {
          const t = tasks[i];
          const r = await cancellable(() => seedFromSnippet(ctx, t.snippet, t.mode, t.index));
          if (!r) return;
          seeds[i] = r.sample;
          committer.add(seedWrite(runId, r, dbIds.get(t.snippet.id)));
        },
        stop.signal,
      );

      // ---- the agents, then stage "discuss"
      if (!stop.signal.aborted) {
        const seedSamples = seeds.filter((s): s is InstructionSample => Boolean(s));
        const created = createAgents(seedSamples, config);
        if (!ledger.agentsDone) committer.add(agentsWrite(runId, [...created.agents.values()], created.events));
        const plan = planRunDiscussions(created.agents, config);
        const agents = replayAgents(seedSamples, plan, ledger.discussions, config);
        progress.setStage("discuss", plan.length);
        forceProgress = true;
        committer.addEvent("stage", { stage: "discuss", total: plan.length, done: progress.counts.discuss.done, agents: agents.size });
        const remaining = plan.filter((d) => !ledger.discussions.has(d.id));
        await runDag(
          remaining,
          concurrency,
          async (d) => {
            const r = await cancellable(() => runDiscussion(ctx, { id: d.id, agents: d.memberIds.map((id) => agents.get(id)!) }));
            if (!r) return;
            for (const a of r.agents) agents.set(a.id, a);
            committer.add(discussWrite(runId, r, config.discussion.mode === "centralized" ? d.memberIds[0] : null));
          },
          stop.signal,
        );
      }
    }
    await committer.flush();
    // a shared run: what every shard stored, not only what this one saw
    if (config.shards > 1) progress.recount((await loadLedger(db, runId)).tallies);
  } finally {
    control.dispose();
    o.signal?.removeEventListener("abort", onOuterAbort);
  }

  if (o.signal?.aborted) throw o.signal.reason ?? new Error("the worker stopped");
  const requested = control.requested();
  if (requested === "finished") {
    const ended = await db.run.findUniqueOrThrow({ where: { id: runId }, select: { status: true, counts: true } });
    return { status: ended.status as RunStatus, counts: ended.counts as RunCounts | null };
  }
  if (requested === "cancelled") {
    const counts = progress.snapshot();
    await finishRun(db, runId, "cancelled", { from: ["cancelled"], counts });
    return { status: "cancelled", counts };
  }
  if (requested === "paused") {
    // a shared run: each shard counts again once it has stopped, so the last one to stop leaves every stored step counted
    if (config.shards > 1) progress.recount((await loadLedger(db, runId)).tallies);
    const counts = progress.snapshot();
    const last = config.shards > 1 ? await db.event.findFirst({ where: { topic: runTopic(runId), type: "status" }, orderBy: { seq: "desc" }, select: { data: true } }) : null;
    if ((last?.data as { status?: string } | null)?.status === "paused") {
      await db.run.update({ where: { id: runId }, data: { counts: json(counts), usage: json(counts.usage), stage: counts.stage } }); // another shard said it
      return { status: "paused", counts };
    }
    await db.$transaction([
      db.run.update({ where: { id: runId }, data: { counts: json(counts), usage: json(counts.usage), stage: counts.stage } }),
      db.event.create({ data: { topic: runTopic(runId), type: "status", data: json({ status: "paused", counts }) } }),
    ]);
    return { status: "paused", counts };
  }
  progress.setStage("done");
  const counts = progress.snapshot();
  o.onProgress?.(counts);
  // a pause that arrives after the last step is too late: the run is complete
  const { outcome, summary } = judgeRun(counts);
  const finished = await finishRun(db, runId, outcome, { from: ["running", "paused"], counts, error: summary ?? undefined });
  if (finished) return { status: outcome, counts };
  // another shard of the run finished it first, or the run was cancelled meanwhile
  const now = await db.run.findUnique({ where: { id: runId }, select: { status: true } });
  return { status: config.shards > 1 && now ? (now.status as RunStatus) : "cancelled", counts };
}

const json = (v: unknown) => v as object;

/**
 * A pause or cancel that finds the run's job running leaves the job to report the outcome
 * ("pausing" → "paused", "cancelling" → the end event). When that attempt died first (a crash,
 * a failed commit) the next attempt of the job finds the run stopped and reports it instead,
 * so the run view does not stay at "pausing" for good.
 */
async function reportStopOfLostAttempt(db: Db, runId: string, status: string, counts: unknown) {
  const topic = runTopic(runId);
  if (status === "cancelled") {
    await appendEndOnce(db, runId, { status: "cancelled", error: null, counts: counts ?? null });
    return;
  }
  if (status !== "paused") return;
  const last = await db.event.findFirst({ where: { topic, type: "status" }, orderBy: { seq: "desc" }, select: { data: true } });
  if ((last?.data as { status?: string } | null)?.status === "pausing") {
    await db.event.create({ data: { topic, type: "status", data: json({ status: "paused", counts: counts ?? null }) } });
  }
}
