import path from "node:path";
import { AppError } from "@/lib/errors";
import type { TrainConfig } from "@/lib/training/config";
import { sshConnection, type BackendPlan, type SshPlan } from "@/lib/training/launch-plan";
import { sbatchDirectives, sbatchPrologue } from "@/lib/training/sbatch";
import { shJoin, shq } from "@/lib/training/shell";
import { assertOneLine } from "@/lib/training/safe-strings";

/**
 * Where the SFT model is, so the sampler runs there: the backend and settings of the training
 * job that made it (its interpreter, its SSH host, its Slurm partition and setup lines). Every
 * string in it passed the training config's schema (lib/training/safe-strings.ts); each is also
 * quoted where it lands.
 */
export type SamplingHost = Pick<TrainConfig, "backend" | "python" | "ssh" | "slurm" | "resources">;

export const LOCAL_HOST: SamplingHost = { backend: "local", python: "python3", resources: { gpusPerNode: 1, nodes: 1, fsdp: false } };

export interface SamplingPlan extends BackendPlan {
  /** where queries.jsonl, sample.json and trainer/ are written on this host before the backend runs */
  stageDir: string;
  /** the queries and answers files as the sampler opens them (remote paths for SSH) */
  sampler: { queries: string; output: string };
  /** answers.jsonl on this host once the backend returned (fetched back for SSH) */
  answersFile: string;
  /** what runs, for the log */
  display: string;
}

/** A sampling directory's name: also a remote path component, so letters, digits, . _ - only. */
const SAFE_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * How `python -m trainer sample` runs on a host, worked out without touching anything (tested as
 * text). Local: in `workDir`. Slurm: a one-GPU batch job (one task: the sampler uses one device)
 * in <slurm.workDir>/sampling/<id> on the shared file system, or `workDir` without one. SSH:
 * the files copied to <ssh.remoteDir>/sampling/<id>, the sampler run there over ssh (its pid in
 * sampler.pid, so a cancel reaches it), answers.jsonl fetched back. A rerun in the same place
 * samples only the queries not yet answered.
 */
export function planSampling(host: SamplingHost, o: { id: string; workDir: string }): SamplingPlan {
  if (!SAFE_ID.test(o.id)) throw new AppError("invalid:sampling", `A sampling directory name must be letters, digits and . _ - (got ${JSON.stringify(o.id)}).`);
  const local = (dir: string) => ({ queries: path.join(dir, "queries.jsonl"), output: path.join(dir, "answers.jsonl"), config: path.join(dir, "sample.json") });
  if (host.backend === "ssh") return planSshSampling(host, o);
  if (host.backend === "slurm") {
    const dir = host.slurm?.workDir ? path.join(host.slurm.workDir, "sampling", o.id) : o.workDir;
    const f = local(dir);
    const s = host.slurm ?? { timeLimit: "24:00:00", cpusPerTask: 16, masterPort: 29500, setup: [], directives: [] };
    const script = [
      "#!/bin/bash",
      `# xinstruct sampling ${o.id}`,
      ...sbatchDirectives(s, { name: `xinstruct-sample-${o.id}`, nodes: 1, gpus: Math.min(1, host.resources.gpusPerNode), workDir: dir }),
      "",
      ...sbatchPrologue(s, dir),
      `srun --kill-on-bad-exit=1 ${shJoin([host.python, "-m", "trainer", "sample", "--config", f.config])}`,
      "",
    ].join("\n");
    return {
      backend: "slurm", stageDir: dir, sampler: f, answersFile: f.output, display: script,
      slurm: { script, scriptPath: path.join(dir, "sample.sbatch"), logPattern: path.join(dir, "slurm-%j.log") },
    };
  }
  const f = local(o.workDir);
  const argv = [host.python, "-m", "trainer", "sample", "--config", f.config];
  return {
    backend: "local", stageDir: o.workDir, sampler: f, answersFile: f.output, display: `cd ${shq(o.workDir)} && ${shJoin(argv)}`,
    local: { argv, cwd: o.workDir, logFile: path.join(o.workDir, "sample.log") },
  };
}

function planSshSampling(host: SamplingHost, o: { id: string; workDir: string }): SamplingPlan {
  if (!host.ssh) throw new AppError("invalid:sampling", "Sampling over SSH needs the training job's ssh settings.");
  const { target, sshArgs, scpArgs } = sshConnection(host.ssh);
  const remoteDir = path.posix.join(host.ssh.remoteDir, "sampling", o.id);
  const remote = (name: string) => path.posix.join(remoteDir, name);
  // No `cd`: a relative remoteDir (and a relative model path) is relative to the login directory,
  // as it is for scp; the trainer package is found through PYTHONPATH.
  const pidFile = remote("sampler.pid");
  const remoteCommand = [
    `echo $$ > ${shq(pidFile)}`,
    `export PYTHONPATH=${shq(remoteDir)}\${PYTHONPATH:+:$PYTHONPATH}`,
    `exec ${shJoin([host.python, "-m", "trainer", "sample", "--config", remote("sample.json")])}`,
  ].join(" && ");
  const ssh: SshPlan = {
    sshArgs, scpArgs, target, remoteDir, remoteCommand, pidFile,
    uploads: ["queries.jsonl", "sample.json", "trainer"].map((n) => ({ local: path.join(o.workDir, n), remote: remote(n) })),
    fetch: { remote: remote("answers.jsonl"), local: path.join(o.workDir, "answers.jsonl") },
  };
  const display = assertOneLine(`ssh ${shJoin([...sshArgs, "--", target])} ${shq(remoteCommand)}`, "the ssh command");
  return { backend: "ssh", stageDir: o.workDir, sampler: { queries: remote("queries.jsonl"), output: remote("answers.jsonl") }, answersFile: ssh.fetch.local, display, ssh };
}
