import "server-only";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { appendEvent } from "@/lib/events/store";
import { BACKENDS } from "@/lib/training/backends/by-kind";
import type { BackendResult } from "@/lib/training/backends/types";
import { getTrainingJob, setStatus, storedConfig, type TrainingJob } from "@/lib/training/jobs-service";
import { planLaunch, type LaunchPlan } from "@/lib/training/launch-plan";
import { LogTail } from "@/lib/training/log-tail";
import { ingestJsonl } from "@/lib/training/metrics-ingest";
import { sleep } from "@/lib/domain/sleep";
import { trainingTopic } from "@/lib/training/topic";
import { scrubSecrets } from "@/lib/secrets/scrub";
import { copyTrainer } from "@/lib/training/trainer-source";

export interface RunTrainingOptions {
  db: Db;
  id: string;
  resume?: boolean;
  /** aborting stops the trainer (checkpoint, then exit) and leaves the job "stopped", resumable */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  onLine?: (line: string) => void;
  /** how often the row is checked for a cancel request and the log tail saved */
  pollMs?: number;
  backendPollMs?: number;
  graceMs?: number;
}

/**
 * Runs one training job to its end on its backend: writes the job directory (job.json with the
 * token, mode 0600; a copy of trainer/; the sbatch script), follows the output (log tail saved
 * and streamed as events), watches the row for a cancel, re-reads metrics.jsonl at the end, and
 * records the outcome: succeeded, stopped, cancelled, or failed with the last log lines.
 */
export async function runTrainingJob(o: RunTrainingOptions): Promise<TrainingJob> {
  const { db, id } = o;
  const job = await getTrainingJob(db, id);
  if (job.status === "cancelled" || job.status === "cancelling") {
    if (job.status === "cancelling") await setStatus(db, id, "cancelled");
    return getTrainingJob(db, id);
  }
  const stored = storedConfig(job);
  const plan = planLaunch(stored.train, { jobId: id, token: job.token, workDir: stored.workDir, appUrl: stored.appUrl, resume: o.resume });
  const topic = trainingTopic(id);
  const tail = new LogTail(200, o.resume ? job.logTail : null);
  let pending: string[] = [];
  let stoppedCleanly = false;
  // the trainer's output is stored and shown: no token (HF_TOKEN, the metrics token) goes with it
  const onLines = (raw: string[]) => {
    const lines = raw.map((l) => scrubSecrets(l, [job.token]));
    tail.add(lines);
    if (lines.some((l) => /^\[trainer\] stopped at step/.test(l))) stoppedCleanly = true;
    pending.push(...lines);
    lines.forEach((l) => o.onLine?.(l));
  };
  const flush = async () => {
    if (!pending.length) return;
    const lines = pending;
    pending = [];
    await db.trainingJob.update({ where: { id }, data: { logTail: tail.text() } });
    await appendEvent(db, topic, "log", { lines });
  };

  try {
    prepareWorkDir(plan, stored.workDir);
  } catch (e) {
    await setStatus(db, id, "failed", { error: `could not prepare ${stored.workDir}: ${(e as Error).message}` });
    return getTrainingJob(db, id);
  }
  await setStatus(db, id, "starting", { command: plan.display, error: null });

  const stop = new AbortController();
  let cancelRequested = false;
  const onOuterAbort = () => stop.abort();
  o.signal?.addEventListener("abort", onOuterAbort, { once: true });
  if (o.signal?.aborted) stop.abort();
  let running = true;
  const watcher = (async () => {
    while (running) {
      await sleep(o.pollMs ?? 1_000);
      await flush().catch(() => {});
      const row = await db.trainingJob.findUnique({ where: { id }, select: { status: true } }).catch(() => null);
      if (row?.status === "cancelling" && !stop.signal.aborted) {
        cancelRequested = true;
        onLines(["[xinstruct] cancel requested: stopping the trainer (it saves a checkpoint first)"]);
        stop.abort();
      }
    }
  })();

  let result: BackendResult;
  try {
    result = await BACKENDS[plan.backend](plan, {
      signal: stop.signal,
      onLines,
      env: o.env,
      pollMs: o.backendPollMs,
      graceMs: o.graceMs,
      onExternalId: async (externalId) => {
        await db.trainingJob.update({ where: { id }, data: { externalId, status: "running" } });
        await appendEvent(db, topic, "status", { status: "running", externalId });
      },
    });
  } catch (e) {
    result = { exitCode: null, state: `launcher error: ${(e as Error).message}` };
  } finally {
    running = false;
    await watcher;
    o.signal?.removeEventListener("abort", onOuterAbort);
  }
  await flush();
  if (existsSync(plan.metricsFile)) await ingestJsonl(db, id, readFileSync(plan.metricsFile, "utf8"), { skipStatus: true });

  const latest = await getTrainingJob(db, id);
  cancelRequested ||= latest.status === "cancelling";
  const ok = result.exitCode === 0 && ["exited", "COMPLETED"].includes(result.state);
  if (cancelRequested) {
    await setStatus(db, id, "cancelled", { logTail: tail.text(), error: ok || stoppedCleanly ? null : describeEnd(result, tail) });
  } else if (ok && (stoppedCleanly || stop.signal.aborted)) {
    await setStatus(db, id, "stopped", { logTail: tail.text() });
  } else if (ok) {
    await setStatus(db, id, "succeeded", { logTail: tail.text() });
  } else {
    await setStatus(db, id, "failed", { logTail: tail.text(), error: describeEnd(result, tail) });
  }
  return getTrainingJob(db, id);
}

function describeEnd(r: BackendResult, tail: LogTail): string {
  const how = r.state === "exited" ? `the trainer exited with code ${r.exitCode}` : `${r.state}${r.exitCode !== null ? ` (exit code ${r.exitCode})` : ""}`;
  return `${how}; last log lines:\n${tail.last(20).join("\n")}`;
}

function prepareWorkDir(plan: LaunchPlan, workDir: string): void {
  mkdirSync(workDir, { recursive: true });
  const jobPath = path.join(workDir, "job.json");
  writeFileSync(jobPath, `${JSON.stringify(plan.jobJson, null, 2)}\n`, { mode: 0o600 });
  chmodSync(jobPath, 0o600);
  copyTrainer(path.join(workDir, "trainer"));
  if (plan.slurm) {
    const slurmDir = path.dirname(plan.slurm.scriptPath);
    mkdirSync(slurmDir, { recursive: true });
    if (slurmDir !== workDir) {
      writeFileSync(path.join(slurmDir, "job.json"), `${JSON.stringify(plan.jobJson, null, 2)}\n`, { mode: 0o600 });
      copyTrainer(path.join(slurmDir, "trainer"));
    }
    writeFileSync(plan.slurm.scriptPath, plan.slurm.script, { mode: 0o700 });
  }
}
