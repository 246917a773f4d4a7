import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Stand-ins for sbatch, squeue, sacct, scancel, srun and scontrol that behave like Slurm's for
 * what the backend uses: job ids from a counter, PENDING then RUNNING, the script run in its own
 * session with SLURM_* set and its output in the --output file (%j expanded), squeue forgetting
 * finished jobs, sacct's State|ExitCode (COMPLETED 0:0, FAILED n:0, CANCELLED by uid, NODE_FAIL),
 * `scancel --signal=TERM` reaching the job's step only, plain `scancel` killing the job.
 */
const SCRIPTS: Record<string, string> = {
  sbatch: `#!/bin/bash
set -euo pipefail
state="\${FAKE_SLURM_STATE:?}"
parsable=0; script=""
for a in "$@"; do case "$a" in --parsable) parsable=1;; -*) ;; *) script="$a";; esac; done
[ -f "$script" ] || { echo "sbatch: error: Unable to open file $script" >&2; exit 1; }
head -n1 "$script" | grep -q '^#!' || { echo "sbatch: error: This does not look like a batch script." >&2; exit 1; }
id=$(( $(cat "$state/next_id" 2>/dev/null || echo 4000) + 1 )); echo $id > "$state/next_id"
out=$(sed -n 's/^#SBATCH --output=//p' "$script" | head -n1); out=\${out:-slurm-%j.out}; out=\${out//%j/$id}
nodes=$(sed -n 's/^#SBATCH --nodes=//p' "$script" | head -n1)
cp "$script" "$state/$id.script"
echo PENDING > "$state/$id.state"
(
  set +e
  sleep "\${FAKE_SLURM_PENDING_S:-0.3}"
  [ -f "$state/$id.cancelled" ] && exit 0
  echo RUNNING > "$state/$id.state"
  SLURM_JOB_ID=$id SLURM_JOB_NODELIST=localhost SLURM_NNODES=\${nodes:-1} FAKE_SLURM_JOB=$id setsid bash "$script" > "$out" 2>&1 &
  echo $! > "$state/$id.pid"
  wait $!
  echo $? > "$state/$id.exit"
  rm -f "$state/$id.state"
) < /dev/null > /dev/null 2>&1 &
if [ $parsable = 1 ]; then echo "$id"; else echo "Submitted batch job $id"; fi
`,
  squeue: `#!/bin/bash
state="\${FAKE_SLURM_STATE:?}"; id=""
while [ $# -gt 0 ]; do case "$1" in -j) id="$2"; shift 2;; --jobs=*) id="\${1#--jobs=}"; shift;; *) shift;; esac; done
if [ -f "$state/$id.state" ]; then cat "$state/$id.state"; exit 0; fi
[ -f "$state/$id.script" ] && exit 0   # finished: no longer listed
echo "slurm_load_jobs error: Invalid job id specified" >&2; exit 1
`,
  sacct: `#!/bin/bash
state="\${FAKE_SLURM_STATE:?}"; id=""
while [ $# -gt 0 ]; do case "$1" in -j) id="$2"; shift 2;; *) shift;; esac; done
[ -f "$state/$id.script" ] || exit 0
if [ -f "$state/$id.nodefail" ]; then echo "NODE_FAIL|0:0"
elif [ -f "$state/$id.cancelled" ]; then echo "CANCELLED by 0|0:15"
elif [ -f "$state/$id.exit" ]; then c=$(cat "$state/$id.exit"); if [ "$c" = 0 ]; then echo "COMPLETED|0:0"; else echo "FAILED|$c:0"; fi
else echo "$(cat "$state/$id.state")|0:0"; fi
`,
  scancel: `#!/bin/bash
state="\${FAKE_SLURM_STATE:?}"; sig=""; id=""
for a in "$@"; do case "$a" in --signal=*) sig="\${a#--signal=}";; -*) ;; *) id="$a";; esac; done
[ -f "$state/$id.script" ] || { echo "scancel: error: Invalid job id $id" >&2; exit 1; }
echo "$*" >> "$state/scancel.log"
if [ -n "$sig" ]; then
  [ -f "$state/$id.step" ] && kill -s "$sig" "$(cat "$state/$id.step")" 2>/dev/null
  exit 0
fi
touch "$state/$id.cancelled"
[ -f "$state/$id.pid" ] && kill -KILL -- "-$(cat "$state/$id.pid")" 2>/dev/null
rm -f "$state/$id.state"
exit 0
`,
  srun: `#!/bin/bash
while [ $# -gt 0 ]; do case "$1" in --*) shift;; *) break;; esac; done
"$@" &
echo $! > "\${FAKE_SLURM_STATE:?}/\${FAKE_SLURM_JOB:?}.step"
wait $!
`,
  scontrol: `#!/bin/bash
[ "$1 $2" = "show hostnames" ] && { echo localhost; exit 0; }
exit 1
`,
};

export interface FakeSlurm {
  binDir: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  /** the node under a running job dies: its processes are killed and sacct says NODE_FAIL */
  failNode(jobId: string): void;
  submittedScript(jobId: string): string;
  scancelCalls(): string[];
}

export function installFakeSlurm(root: string, baseEnv: NodeJS.ProcessEnv): FakeSlurm {
  const binDir = path.join(root, "bin");
  const stateDir = path.join(root, "state");
  mkdirSync(binDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  for (const [name, body] of Object.entries(SCRIPTS)) {
    writeFileSync(path.join(binDir, name), body);
    chmodSync(path.join(binDir, name), 0o755);
  }
  return {
    binDir,
    stateDir,
    env: { ...baseEnv, PATH: `${binDir}:${baseEnv.PATH ?? ""}`, FAKE_SLURM_STATE: stateDir },
    failNode(jobId) {
      writeFileSync(path.join(stateDir, `${jobId}.nodefail`), "");
      const pid = Number(readFileSync(path.join(stateDir, `${jobId}.pid`), "utf8"));
      try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ }
    },
    submittedScript: (jobId) => readFileSync(path.join(stateDir, `${jobId}.script`), "utf8"),
    scancelCalls: () => { try { return readFileSync(path.join(stateDir, "scancel.log"), "utf8").trim().split("\n"); } catch { return []; } },
  };
}
