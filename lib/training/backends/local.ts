import "server-only";
import { createWriteStream } from "node:fs";
import { resolveLocalPython } from "@/lib/training/backends/python";
import type { BackendHooks, BackendResult } from "@/lib/training/backends/types";
import type { BackendPlan } from "@/lib/training/launch-plan";
import { spawnLines } from "@/lib/training/process";
import { childProcessEnv } from "@/lib/env";

/**
 * On this host: the trainer (or torchrun) in its own process group, so SIGTERM reaches torchrun
 * and its workers together; output goes to train.log in the job directory and to the hooks.
 * The trainer gets the allow-listed environment (lib/domain/secrets.ts), not the app's secrets.
 */
export async function runLocal(plan: BackendPlan, hooks: BackendHooks): Promise<BackendResult> {
  const { argv, cwd, logFile } = plan.local!;
  const python = await resolveLocalPython(argv[0], hooks.env);
  const log = createWriteStream(logFile, { flags: "a" });
  if (python !== argv[0]) hooks.onLines([`[xinstruct] ${argv[0]} has no torch here; running ${python}`]);
  const { child, done } = spawnLines([python, ...argv.slice(1)], {
    cwd,
    env: { ...(hooks.env ?? childProcessEnv()), PYTHONUNBUFFERED: "1" },
    detached: true,
    onLine: (line) => {
      log.write(`${line}\n`);
      hooks.onLines([line]);
    },
  });
  if (child.pid) await hooks.onExternalId(`pid:${child.pid}`);
  let killTimer: NodeJS.Timeout | undefined;
  const stop = () => {
    signalGroup(child.pid, "SIGTERM");
    killTimer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), hooks.graceMs ?? 120_000);
  };
  if (hooks.signal.aborted) stop();
  else hooks.signal.addEventListener("abort", stop, { once: true });
  const { code, signal } = await done;
  clearTimeout(killTimer);
  hooks.signal.removeEventListener("abort", stop);
  await new Promise<void>((r) => log.end(r));
  return { exitCode: code, state: signal ? `signal ${signal}` : "exited" };
}

function signalGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, sig);
  } catch {
    /* already gone */
  }
}

/** Whether a local trainer from an earlier runner is still alive (pid:<n>). */
export function localPidAlive(externalId: string | null): number | null {
  const pid = externalId?.startsWith("pid:") ? Number(externalId.slice(4)) : NaN;
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
