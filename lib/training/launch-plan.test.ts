import { describe, expect, it } from "vitest";
import { parseTrainConfig } from "@/lib/training/config";
import { planLaunch } from "@/lib/training/launch-plan";
import { toLlamaFactoryYaml, toTrlConfig } from "@/lib/training/export-formats";
import { parse } from "yaml";

const ctx = { jobId: "job1", token: "tok", workDir: "/data/training/job1", appUrl: "http://127.0.0.1:3000" };

describe("launch plan", () => {
  it("local: the trainer from the job directory, with the job's metrics URL and token in job.json", () => {
    const p = planLaunch(parseTrainConfig({ dataset: "/d/sft.jsonl", training: { maxSteps: 10 } }), ctx);
    expect(p.display).toBe("cd /data/training/job1 && python3 -m trainer sft --config /data/training/job1/job.json");
    expect(p.local!.argv).toEqual(["python3", "-m", "trainer", "sft", "--config", "/data/training/job1/job.json"]);
    expect(p.jobJson).toMatchObject({
      kind: "sft", dataset: "/d/sft.jsonl", output_dir: "/data/training/job1/out", max_steps: 10,
      metrics_url: "http://127.0.0.1:3000/api/training/job1/metrics", metrics_token: "tok", learning_rate: 5e-5, global_batch_size: 1024,
    });
    expect(p.display).not.toContain("tok");
    expect(p.metricsFile).toBe("/data/training/job1/out/metrics.jsonl");
  });

  it("local with several GPUs runs torchrun; resume adds --resume", () => {
    const p = planLaunch(parseTrainConfig({ dataset: "/d/x.jsonl", kind: "dpo", resources: { gpusPerNode: 4 } }), { ...ctx, resume: true });
    expect(p.local!.argv).toEqual(["python3", "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=4", "-m", "trainer", "dpo", "--config", "/data/training/job1/job.json", "--resume"]);
  });

  it("ssh: copies job, trainer and data, runs remotely with a pid file, remote paths in job.json", () => {
    const c = parseTrainConfig({ dataset: "/d/sft.jsonl", backend: "ssh", ssh: { host: "gpu1", user: "me", port: 2222, remoteDir: "/scratch/xi", identityFile: "/k/id" } });
    const p = planLaunch(c, ctx);
    expect(p.jobJson.dataset).toBe("/scratch/xi/job1/data/sft.jsonl");
    expect(p.jobJson.output_dir).toBe("/scratch/xi/job1/out");
    expect(p.ssh!.uploads.map((u) => u.remote)).toEqual(["/scratch/xi/job1/job.json", "/scratch/xi/job1/trainer", "/scratch/xi/job1/data/sft.jsonl"]);
    expect(p.ssh!.remoteCommand).toBe("echo $$ > /scratch/xi/job1/trainer.pid && export PYTHONPATH=/scratch/xi/job1${PYTHONPATH:+:$PYTHONPATH} && exec python3 -m trainer sft --config /scratch/xi/job1/job.json");
    expect(p.display.split("\n")).toHaveLength(5);
    expect(p.display).toContain("ssh -p 2222 -o BatchMode=yes");
    expect(p.display).toContain("-i /k/id -- me@gpu1 'echo $$ > /scratch/xi/job1/trainer.pid && export PYTHONPATH=/scratch/xi/job1${PYTHONPATH:+:$PYTHONPATH} && exec python3 -m trainer sft --config /scratch/xi/job1/job.json'");
  });

  it("ssh with the default, relative remoteDir: job.json, the data and the command all name paths from the login directory, as scp does", () => {
    const p = planLaunch(parseTrainConfig({ dataset: "/d/sft.jsonl", backend: "ssh", ssh: { host: "gpu1" } }), ctx);
    expect(p.ssh!.uploads.map((u) => u.remote)).toEqual(["xinstruct-training/job1/job.json", "xinstruct-training/job1/trainer", "xinstruct-training/job1/data/sft.jsonl"]);
    expect(p.jobJson.dataset).toBe("xinstruct-training/job1/data/sft.jsonl");
    expect(p.jobJson.output_dir).toBe("xinstruct-training/job1/out");
    // no cd into the job directory: the relative paths in job.json would then point one level too deep
    expect(p.ssh!.remoteCommand).not.toMatch(/\bcd\b/);
    expect(p.ssh!.remoteCommand).toContain("--config xinstruct-training/job1/job.json");
  });

  it("ssh with a tunnel: metrics go to the forwarded port on the remote host", () => {
    const c = parseTrainConfig({ dataset: "/d/s.jsonl", backend: "ssh", ssh: { host: "gpu1", tunnelPort: 39001 } });
    const p = planLaunch(c, ctx);
    expect(p.jobJson.metrics_url).toBe("http://127.0.0.1:39001/api/training/job1/metrics");
    expect(p.ssh!.sshArgs).toEqual(expect.arrayContaining(["-R", "39001:127.0.0.1:3000"]));
  });

  it("slurm: an sbatch script with torchrun over the nodes and a checkpoint signal before the time limit", () => {
    const c = parseTrainConfig({
      name: "sft qwen", dataset: "/d/s.jsonl", backend: "slurm", resources: { nodes: 2, gpusPerNode: 8 },
      slurm: { partition: "gpu", account: "proj", timeLimit: "2-00:00:00", setup: ["source /opt/venv/bin/activate"], workDir: "/shared/xi" },
    });
    const p = planLaunch(c, ctx);
    expect(p.display).toBe(`#!/bin/bash
# xinstruct training job job1 (sft, Qwen/Qwen2.5-Coder-1.5B, 2 node(s) x 8 GPU(s))
#SBATCH --job-name=sft-qwen
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=1
#SBATCH --gpus-per-node=8
#SBATCH --cpus-per-task=16
#SBATCH --time=2-00:00:00
#SBATCH --partition=gpu
#SBATCH --account=proj
#SBATCH --output=/shared/xi/job1/slurm-%j.log
#SBATCH --signal=TERM@120

set -euo pipefail
cd /shared/xi/job1
source /opt/venv/bin/activate
export PYTHONPATH=/shared/xi/job1\${PYTHONPATH:+:$PYTHONPATH}
export MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
export MASTER_PORT=29500
srun --kill-on-bad-exit=1 python3 -m torch.distributed.run --nnodes=2 --nproc_per_node=8 --rdzv_id=$SLURM_JOB_ID --rdzv_backend=c10d --rdzv_endpoint=$MASTER_ADDR:29500 -m trainer sft --config /shared/xi/job1/job.json
`);
    expect(p.jobJson.output_dir).toBe("/shared/xi/job1/out");
    expect(p.slurm!.scriptPath).toBe("/shared/xi/job1/train.sbatch");
  });
});

describe("exports", () => {
  const c = parseTrainConfig({ dataset: "/d/sft.jsonl", method: "lora", resources: { gpusPerNode: 8 } });

  it("LLaMA-Factory YAML carries the same hyper-parameters and a dataset_info entry", () => {
    const text = toLlamaFactoryYaml(c);
    const doc = parse(text);
    expect(doc).toMatchObject({
      model_name_or_path: "Qwen/Qwen2.5-Coder-1.5B", stage: "sft", finetuning_type: "lora", lora_rank: 16, dataset: "xinstruct_sft",
      template: "qwen", cutoff_len: 2048, learning_rate: 5e-5, warmup_steps: 100, lr_scheduler_type: "cosine",
      per_device_train_batch_size: 4, gradient_accumulation_steps: 32, bf16: true,
    });
    expect(text).toContain('"file_name": "/d/sft.jsonl"');
    expect(text).toContain('"formatting": "sharegpt"');
  });

  it("TRL: a DPO config precomputes reference log-probs; several GPUs go through accelerate", () => {
    const dpo = parseTrainConfig({ dataset: "/d/p.jsonl", kind: "dpo", resources: { gpusPerNode: 8 }, training: { beta: 0.3 } });
    const { yaml, command } = toTrlConfig(dpo);
    expect(parse(yaml)).toMatchObject({ beta: 0.3, loss_type: "sigmoid", precompute_ref_log_probs: true, gradient_accumulation_steps: 32, datasets: [{ path: "json", data_files: "/d/p.jsonl" }] });
    expect(command).toBe('accelerate launch --num_processes 8 --num_machines 1 "$(command -v trl)" dpo --config trl-dpo.yaml');
    expect(toTrlConfig(parseTrainConfig({ dataset: "/d/s.jsonl", resources: { gpusPerNode: 1 } })).command).toBe("trl sft --config trl-sft.yaml");
  });
});
