import "server-only";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { BackendHooks, BackendResult } from "@/lib/training/backends/types";
import type { BackendPlan } from "@/lib/training/launch-plan";
import { capture } from "@/lib/training/process";
import { sleep } from "@/lib/domain/sleep";

/**
 * Slurm: submit the rendered script with `sbatch --parsable`, follow the job with `squeue`
 * while it is queued or running (tailing its output file), then read its final state and exit
 * code from `sacct`. Stopping sends SIGTERM to the job's steps (`scancel --signal=TERM`) so the
 * trainer checkpoints; a job still pending is simply cancelled.
 */
export async function runSlurm(plan: BackendPlan, hooks: BackendHooks): Promise<BackendResult> {
  const env = hooks.env;
  const sub = await capture(["sbatch", "--parsable", plan.slurm!.scriptPath], { env, timeoutMs: 120_000 });
  if (sub.code !== 0) {
    hooks.onLines(["[xinstruct] sbatch failed:", ...(sub.stderr || sub.stdout).trim().split("\n")]);
    return { exitCode: sub.code, state: "SUBMIT_FAILED" };
  }
  const id = sub.stdout.trim().split(";")[0];
  hooks.onLines([`[xinstruct] submitted Slurm job ${id}`]);
  await hooks.onExternalId(`slurm:${id}`);
  return followSlurmJob(id, plan, hooks);
}

/** Follows a submitted job; also used to re-attach after the app restarts. */
export async function followSlurmJob(id: string, plan: BackendPlan, hooks: BackendHooks): Promise<BackendResult> {
  const env = hooks.env;
  const logPath = plan.slurm!.logPattern.replace("%j", id);
  const tail = new FileTail(logPath);
  let state = "PENDING";
  let signalled = false;
  let stopDeadline = 0;
  for (;;) {
    hooks.onLines(tail.read());
    const q = await capture(["squeue", "-h", "-j", id, "-o", "%T"], { env });
    const current = q.code === 0 ? q.stdout.trim().split("\n")[0] : "";
    if (!current) break; // left the queue (squeue forgets finished jobs, or errors on unknown ids)
    if (current !== state) hooks.onLines([`[xinstruct] Slurm job ${id}: ${current}`]);
    state = current;
    if (hooks.signal.aborted && !signalled) {
      signalled = true;
      stopDeadline = Date.now() + (hooks.graceMs ?? 120_000);
      const args = state === "PENDING" ? ["scancel", id] : ["scancel", "--signal=TERM", id];
      await capture(args, { env });
    } else if (signalled && Date.now() > stopDeadline) {
      await capture(["scancel", id], { env });
      stopDeadline = Number.POSITIVE_INFINITY;
    }
    await sleep(hooks.pollMs ?? 5_000, signalled ? undefined : hooks.signal);
  }
  const acct = await sacctState(id, env);
  hooks.onLines(tail.read());
  return acct;
}

async function sacctState(id: string, env?: NodeJS.ProcessEnv): Promise<BackendResult> {
  // sacct can lag the queue by a moment: retry briefly before giving up.
  for (let i = 0; i < 5; i++) {
    const r = await capture(["sacct", "-j", id, "-X", "-n", "-P", "-o", "State,ExitCode"], { env });
    const line = r.stdout.trim().split("\n")[0];
    if (r.code === 0 && line) {
      const [stateRaw, exit] = line.split("|");
      const state = stateRaw.split(" ")[0]; // "CANCELLED by 1000"
      const [code] = (exit ?? "").split(":").map(Number);
      return { exitCode: Number.isFinite(code) ? code : null, state };
    }
    await sleep(1_000);
  }
  return { exitCode: null, state: "UNKNOWN" };
}

/** Reads what was appended to a file since the last call, line by line. */
class FileTail {
  private offset = 0;
  private partial = "";
  constructor(private readonly path: string) {}

  read(): string[] {
    let size: number;
    try {
      size = statSync(this.path).size;
    } catch {
      return [];
    }
    if (size <= this.offset) return [];
    const fd = openSync(this.path, "r");
    try {
      const buf = Buffer.alloc(size - this.offset);
      readSync(fd, buf, 0, buf.length, this.offset);
      this.offset = size;
      const parts = (this.partial + buf.toString("utf8")).split(/\r?\n/);
      this.partial = parts.pop() ?? "";
      return parts;
    } finally {
      closeSync(fd);
    }
  }
}
