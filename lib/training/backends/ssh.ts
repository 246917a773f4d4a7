import "server-only";
import type { BackendHooks, BackendResult } from "@/lib/training/backends/types";
import type { BackendPlan } from "@/lib/training/launch-plan";
import { capture, spawnLines } from "@/lib/training/process";
import { shq } from "@/lib/training/shell";

/**
 * A remote host over OpenSSH (the system's ssh/scp, BatchMode: keys only): make the job
 * directory, copy job.json, the trainer and the data, run the trainer with its output streamed
 * back, and fetch metrics.jsonl at the end (the app ingests what the HTTP reports missed). The
 * sampler runs the same way (its queries and config copied, its answers.jsonl fetched).
 * Stopping kills the remote trainer by its pid file with SIGTERM. ssh's own exit code 255 means
 * the connection or the host was lost. `--` ends ssh's and scp's options before the destination,
 * so a host can never be read as an option (the schema refuses one starting with `-` too).
 */
export async function runSsh(plan: BackendPlan, hooks: BackendHooks): Promise<BackendResult> {
  const s = plan.ssh!;
  const env = hooks.env;
  const ssh = (command: string) => capture(["ssh", ...s.sshArgs.filter(notTunnel), "--", s.target, command], { env, timeoutMs: 120_000 });
  const step = async (what: string, r: Promise<{ code: number | null; stderr: string }>) => {
    const out = await r;
    if (out.code !== 0) hooks.onLines([`[xinstruct] ${what} failed (exit ${out.code}):`, ...out.stderr.trim().split("\n")]);
    return out.code === 0;
  };
  if (!(await step(`ssh ${s.target}`, ssh(`mkdir -p ${shq(`${s.remoteDir}/data`)}`)))) return { exitCode: 255, state: "connection failed" };
  for (const u of s.uploads) {
    if (!(await step(`copying ${u.local}`, capture(["scp", "-r", "-q", ...s.scpArgs, "--", u.local, `${s.target}:${u.remote}`], { env, timeoutMs: 3_600_000 })))) {
      return { exitCode: 255, state: "upload failed" };
    }
  }
  hooks.onLines([`[xinstruct] copied job, trainer and data to ${s.target}:${s.remoteDir}`]);
  await hooks.onExternalId(`ssh:${s.target}:${s.remoteDir}`);
  const { child, done } = spawnLines(["ssh", ...s.sshArgs, "--", s.target, s.remoteCommand], { env, onLine: (l) => hooks.onLines([l]) });
  let killTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    void ssh(`kill -TERM $(cat ${shq(s.pidFile)})`);
    killTimer = setTimeout(() => child.kill("SIGKILL"), hooks.graceMs ?? 120_000);
  };
  if (hooks.signal.aborted) stop();
  else hooks.signal.addEventListener("abort", stop, { once: true });
  const { code, signal } = await done;
  clearTimeout(killTimer);
  hooks.signal.removeEventListener("abort", stop);
  const fetched = await capture(["scp", "-q", ...s.scpArgs, "--", `${s.target}:${s.fetch.remote}`, s.fetch.local], { env, timeoutMs: 600_000 });
  if (fetched.code !== 0) hooks.onLines([`[xinstruct] could not fetch ${s.fetch.remote}: ${fetched.stderr.trim()}`]);
  if (code === 255) return { exitCode: code, state: "connection lost" };
  return { exitCode: code, state: signal ? `signal ${signal}` : "exited" };
}

// The reverse tunnel belongs to the long-running session only.
function notTunnel(_: string, i: number, all: string[]): boolean {
  return all[i] !== "-R" && all[i - 1] !== "-R";
}
