/**
 * Training throughput: SFT tokens/s and MFU, and DPO seconds per example relative to SFT measured
 * in the same run (the baseline), for Qwen2.5-Coder 0.5B and 1.5B shapes at sequence 2048, bf16,
 * packing on. Needs a CUDA GPU for the real figures (goal: SFT MFU >= 45 %, DPO <= 2x SFT per
 * example); `--size tiny` exercises the script on a CPU.
 *
 *   npx tsx scripts/bench/training/run.ts [--size 0.5b,1.5b] [--impl native|hf] [--steps 10] [--micro-batch 4] [--python python3]
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt("size", "0.5b,1.5b").split(",");
const impl = opt("impl", "native");
const steps = opt("steps", "10");
const micro = opt("micro-batch", "4");
const seq = opt("seq", "2048");
const python = opt("python", spawnSync("python3", ["-c", "import torch"]).status === 0 ? "python3" : "/usr/bin/python3");
const script = path.join(import.meta.dirname, "bench.py");

interface Result { mode: string; size: string; device: string; tokens_per_s: number; seconds_per_example: number; mfu: number | null; gpu_mem_gb: number | null; attention: string }

function bench(mode: string, size: string): Result {
  const r = spawnSync(python, [script, "--mode", mode, "--size", size, "--impl", impl, "--steps", steps, "--micro-batch", mode === "dpo" ? String(Math.max(1, Number(micro) / 2)) : micro, "--seq", seq, ...(args.includes("--checkpointing") ? ["--checkpointing"] : [])], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench.py ${mode} ${size} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

for (const size of sizes) {
  const sft = bench("sft", size);
  const dpo = bench("dpo", size);
  const ratio = dpo.seconds_per_example / sft.seconds_per_example;
  console.log(`${size} on ${sft.device} (${impl}, ${sft.attention}, seq ${seq}):`);
  console.log(`  SFT  ${Math.round(sft.tokens_per_s)} tokens/s, MFU ${sft.mfu === null ? "n/a (peak unknown for this device)" : `${(100 * sft.mfu).toFixed(1)} % (goal >= 45 %)`}${sft.gpu_mem_gb ? `, ${sft.gpu_mem_gb.toFixed(1)} GiB` : ""}`);
  console.log(`  DPO  ${dpo.seconds_per_example.toFixed(4)} s/example = ${ratio.toFixed(2)}x SFT's ${sft.seconds_per_example.toFixed(4)} s/example (goal <= 2x)`);
  console.log(JSON.stringify({ size, sft, dpo, dpoOverSftPerExample: ratio }));
}
