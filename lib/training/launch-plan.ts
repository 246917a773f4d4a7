import path from "node:path";
import type { TrainConfig } from "@/lib/training/config";
import { trainerArgv } from "@/lib/training/trainer-argv";
import { trainerJobJson, type TrainerJobJson } from "@/lib/training/job-json";
import { renderSbatchScript } from "@/lib/training/sbatch";
import { shJoin, shq } from "@/lib/training/shell";

/**
 * Everything a backend needs to start a job, worked out without touching anything: the
 * trainer's job.json, the exact command (or sbatch script) shown to the user before launch and
 * stored with the job, and the files to copy. Pure, so the rendering is tested as text.
 *
 * Every backend runs the trainer from a job directory holding job.json, a copy of trainer/
 * (the code that ran stays with the job) and out/ (checkpoints, metrics.jsonl, final model).
 */
export interface LaunchContext {
  jobId: string;
  token: string;
  /** the job directory on this host (local and Slurm; for SSH the local staging copy) */
  workDir: string;
  /** the app as the trainer sees it; metrics go to <appUrl>/api/training/<id>/metrics */
  appUrl: string;
  resume?: boolean;
}

/** What a backend runs: the trainer (a training job) or the sampler (Ds4 from the SFT model). */
export interface BackendPlan {
  backend: TrainConfig["backend"];
  local?: { argv: string[]; cwd: string; logFile: string };
  ssh?: SshPlan;
  slurm?: { script: string; scriptPath: string; logPattern: string };
}

export interface LaunchPlan extends BackendPlan {
  jobJson: TrainerJobJson;
  /** the command or script a user could run by hand; stored as TrainingJob.command */
  display: string;
  /** where metrics.jsonl ends up on this host (fetched back for SSH) */
  metricsFile: string;
}

export interface SshPlan {
  sshArgs: string[];
  scpArgs: string[];
  target: string;
  remoteDir: string;
  uploads: { local: string; remote: string }[];
  remoteCommand: string;
  /** copied back at the end, whatever the outcome (metrics.jsonl; the sampler's answers.jsonl) */
  fetch: { remote: string; local: string };
  pidFile: string;
}

export function metricsUrlFor(appUrl: string, jobId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/training/${encodeURIComponent(jobId)}/metrics`;
}

export function planLaunch(c: TrainConfig, ctx: LaunchContext): LaunchPlan {
  const resume = Boolean(ctx.resume);
  if (c.backend === "ssh") return planSsh(c, ctx, resume);
  const workDir = c.backend === "slurm" && c.slurm?.workDir ? path.join(c.slurm.workDir, ctx.jobId) : ctx.workDir;
  const outputDir = path.join(workDir, "out");
  const jobJson = trainerJobJson(c, {
    dataset: path.resolve(c.dataset),
    evalDataset: c.evalDataset ? path.resolve(c.evalDataset) : undefined,
    outputDir,
    metricsUrl: metricsUrlFor(c.appUrl ?? ctx.appUrl, ctx.jobId),
    token: ctx.token,
  });
  const metricsFile = path.join(outputDir, "metrics.jsonl");
  const configPath = path.join(workDir, "job.json");
  if (c.backend === "slurm") {
    const script = renderSbatchScript(c, { jobId: ctx.jobId, workDir, configPath, resume });
    return { backend: "slurm", jobJson, display: script, metricsFile, slurm: { script, scriptPath: path.join(workDir, "train.sbatch"), logPattern: path.join(workDir, "slurm-%j.log") } };
  }
  const argv = trainerArgv(c, configPath, resume);
  return {
    backend: "local",
    jobJson,
    display: `cd ${shq(workDir)} && ${shJoin(argv)}`,
    metricsFile,
    local: { argv, cwd: workDir, logFile: path.join(workDir, "train.log") },
  };
}

/** ssh and scp options for a configured host (keys only, its known_hosts, keep-alives) and the destination. */
export function sshConnection(s: NonNullable<TrainConfig["ssh"]>): { target: string; sshArgs: string[]; scpArgs: string[] } {
  const common = ["-o", "BatchMode=yes", "-o", `StrictHostKeyChecking=${s.strictHostKeyChecking}`, "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=4"];
  if (s.knownHostsFile) common.push("-o", `UserKnownHostsFile=${s.knownHostsFile}`);
  if (s.identityFile) common.push("-i", s.identityFile);
  return { target: s.user ? `${s.user}@${s.host}` : s.host, sshArgs: ["-p", String(s.port), ...common], scpArgs: ["-P", String(s.port), ...common] };
}

function planSsh(c: TrainConfig, ctx: LaunchContext, resume: boolean): LaunchPlan {
  const s = c.ssh!;
  const remoteDir = path.posix.join(s.remoteDir, ctx.jobId);
  const { target, sshArgs, scpArgs } = sshConnection(s);
  // The remote name of a data file is also a path in scp's remote argument: keep it to safe characters.
  const data = (p: string) => path.posix.join(remoteDir, "data", path.basename(p).replace(/[^A-Za-z0-9._-]/g, "_").replace(/^[-.]/, "_"));
  const uploads = [
    { local: path.join(ctx.workDir, "job.json"), remote: path.posix.join(remoteDir, "job.json") },
    { local: path.join(ctx.workDir, "trainer"), remote: path.posix.join(remoteDir, "trainer") },
    { local: path.resolve(c.dataset), remote: data(c.dataset) },
    ...(c.evalDataset ? [{ local: path.resolve(c.evalDataset), remote: data(c.evalDataset) }] : []),
  ];
  const appUrl = s.tunnelPort ? `http://127.0.0.1:${s.tunnelPort}` : c.appUrl ?? ctx.appUrl;
  const outputDir = path.posix.join(remoteDir, "out");
  const jobJson = trainerJobJson(c, {
    dataset: data(c.dataset),
    evalDataset: c.evalDataset ? data(c.evalDataset) : undefined,
    outputDir,
    metricsUrl: metricsUrlFor(appUrl, ctx.jobId),
    token: ctx.token,
  });
  const pidFile = path.posix.join(remoteDir, "trainer.pid");
  // $$ is the remote shell's pid; exec keeps it for the trainer, so `kill -TERM $(cat trainer.pid)` reaches it.
  // No `cd`: job.json's paths, like scp's, are relative to the login directory when remoteDir is
  // (the default "xinstruct-training"); the trainer package is found through PYTHONPATH.
  const remoteCommand = [
    `echo $$ > ${shq(pidFile)}`,
    `export PYTHONPATH=${shq(remoteDir)}\${PYTHONPATH:+:$PYTHONPATH}`,
    `exec ${shJoin(trainerArgv(c, path.posix.join(remoteDir, "job.json"), resume))}`,
  ].join(" && ");
  const tunnel = s.tunnelPort ? ["-R", `${s.tunnelPort}:${new URL(c.appUrl ?? ctx.appUrl).host}`] : [];
  const plan: SshPlan = {
    sshArgs: [...sshArgs, ...tunnel], scpArgs, target, remoteDir, uploads, remoteCommand,
    fetch: { remote: path.posix.join(outputDir, "metrics.jsonl"), local: path.join(ctx.workDir, "metrics.jsonl") }, pidFile,
  };
  const display = [
    `ssh ${shJoin([...sshArgs, "--", target])} ${shq(`mkdir -p ${shq(path.posix.join(remoteDir, "data"))}`)}`,
    ...uploads.map((u) => `scp -r ${shJoin([...scpArgs, "--", u.local, `${target}:${u.remote}`])}`),
    `ssh ${shJoin([...plan.sshArgs, "--", target])} ${shq(remoteCommand)}`,
  ].join("\n");
  return { backend: "ssh", jobJson, display, metricsFile: plan.fetch.local, ssh: plan };
}
