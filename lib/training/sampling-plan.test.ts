import { describe, expect, it } from "vitest";
import { parseTrainConfig } from "@/lib/training/config";
import { planSampling, type SamplingHost } from "@/lib/training/sampling-plan";

function host(raw: Record<string, unknown>): SamplingHost {
  const c = parseTrainConfig({ dataset: "d.jsonl", ...raw });
  return { backend: c.backend, python: c.python, ssh: c.ssh, slurm: c.slurm, resources: c.resources };
}

describe("where the sampler runs", () => {
  it("locally: in the sampling directory with the job's interpreter", () => {
    const p = planSampling(host({ python: "/opt/my env/bin/python" }), { id: "run1-abc", workDir: "/data/ds4-samples/run1-abc" });
    expect(p.local?.argv).toEqual(["/opt/my env/bin/python", "-m", "trainer", "sample", "--config", "/data/ds4-samples/run1-abc/sample.json"]);
    expect(p.display).toBe("cd /data/ds4-samples/run1-abc && '/opt/my env/bin/python' -m trainer sample --config /data/ds4-samples/run1-abc/sample.json");
    expect(p.answersFile).toBe("/data/ds4-samples/run1-abc/answers.jsonl");
  });

  it("over ssh: files copied under remoteDir/sampling/<id>, the sampler started there with its pid kept, answers fetched back", () => {
    const p = planSampling(host({ backend: "ssh", python: "/opt/py 3/bin/python", ssh: { host: "gpu1", user: "me", port: 2222, identityFile: "/k/id", remoteDir: "xi" } }), { id: "v1", workDir: "/local/v1" });
    const s = p.ssh!;
    expect(s.target).toBe("me@gpu1");
    expect(s.sshArgs).toContain("BatchMode=yes");
    expect(s.sshArgs).not.toContain("-R");
    expect(s.uploads).toEqual([
      { local: "/local/v1/queries.jsonl", remote: "xi/sampling/v1/queries.jsonl" },
      { local: "/local/v1/sample.json", remote: "xi/sampling/v1/sample.json" },
      { local: "/local/v1/trainer", remote: "xi/sampling/v1/trainer" },
    ]);
    // relative to the login directory, as scp sees them: no cd, the trainer found via PYTHONPATH
    expect(s.remoteCommand).toBe("echo $$ > xi/sampling/v1/sampler.pid && export PYTHONPATH=xi/sampling/v1${PYTHONPATH:+:$PYTHONPATH} && exec '/opt/py 3/bin/python' -m trainer sample --config xi/sampling/v1/sample.json");
    expect(s.pidFile).toBe("xi/sampling/v1/sampler.pid");
    expect(s.fetch).toEqual({ remote: "xi/sampling/v1/answers.jsonl", local: "/local/v1/answers.jsonl" });
    expect(p.sampler).toEqual({ queries: "xi/sampling/v1/queries.jsonl", output: "xi/sampling/v1/answers.jsonl" });
    expect(p.display).toContain("ssh -p 2222 ");
    expect(p.display).toContain(" -- me@gpu1 ");
  });

  it("on slurm: a one-node, one-GPU batch job in the shared work directory with the job's partition and setup lines", () => {
    const p = planSampling(host({ backend: "slurm", resources: { gpusPerNode: 8, nodes: 2 }, slurm: { partition: "gpu", account: "lab", setup: ["module load cuda/12"], workDir: "/shared/xi" } }), { id: "v2", workDir: "/local/v2" });
    expect(p.stageDir).toBe("/shared/xi/sampling/v2");
    expect(p.answersFile).toBe("/shared/xi/sampling/v2/answers.jsonl");
    const script = p.slurm!.script;
    expect(script.split("\n")[0]).toBe("#!/bin/bash");
    expect(script).toContain("#SBATCH --nodes=1\n");
    expect(script).toContain("#SBATCH --gpus-per-node=1\n");
    expect(script).toContain("#SBATCH --partition=gpu\n#SBATCH --account=lab\n");
    expect(script).toContain("#SBATCH --output=/shared/xi/sampling/v2/slurm-%j.log");
    expect(script).toContain("module load cuda/12\n");
    expect(script).toContain("srun --kill-on-bad-exit=1 python3 -m trainer sample --config /shared/xi/sampling/v2/sample.json");
    expect(script).not.toContain("torch.distributed.run");
    expect(p.slurm!.scriptPath).toBe("/shared/xi/sampling/v2/sample.sbatch");
  });

  it("on slurm without GPUs: no GPU requested", () => {
    const p = planSampling(host({ backend: "slurm", resources: { gpusPerNode: 0 } }), { id: "v3", workDir: "/local/v3" });
    expect(p.slurm!.script).not.toContain("--gpus-per-node");
    expect(p.stageDir).toBe("/local/v3");
  });

  it("refuses a directory name that is not a plain path component", () => {
    for (const id of ["../x", "a b", "-x", "a/b", "a;rm", ""]) expect(() => planSampling(host({}), { id, workDir: "/w" })).toThrow(/letters, digits/);
  });
});
