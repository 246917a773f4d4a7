import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { spawnCli, waitForExit } from "@/lib/testing/spawn-cli";
import { EXAMPLES } from "@/lib/training/testing/tiny-config";
import { parseTrainConfig, type TrainConfig } from "@/lib/training/config";
import { planLaunch } from "@/lib/training/launch-plan";
import { renderSbatchScript } from "@/lib/training/sbatch";
import { runSsh } from "@/lib/training/backends/ssh";

/**
 * Hole 2 of the security issue: strings of a training config reach ssh/scp argv, remote shell
 * commands and the sbatch script. A host that is an ssh option or a value with a newline is
 * refused at the schema, and nothing runs (a marker file the injected command would create).
 */
let t: TestDb;
let dir: string;
useTestDbWithDir("xi-train-inject-", (f) => { t = f.t; dir = f.dir; });
const scratch = mkdtempSync(path.join(os.tmpdir(), "xi-inject-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dataset = path.join(EXAMPLES, "tiny-sft.jsonl");
const yaml = (body: string) => {
  const file = path.join(dir, `train-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `kind: sft\ndataset: ${dataset}\nresources: { gpusPerNode: 0 }\n${body}`);
  return file;
};
const cli = async (args: string[]) => {
  const child = spawnCli(args, { DATABASE_URL: t.url, DATA_DIR: dir, PORT: "9" });
  const code = await waitForExit(child, 120_000);
  return { code, out: child.output() };
};

describe("training settings cannot inject commands", () => {
  it("an ssh host like -oProxyCommand=… is refused with a clear message, and its command never runs", async () => {
    const marker = path.join(scratch, "proxycommand-ran");
    const file = yaml(`backend: ssh\nssh: { host: "-oProxyCommand=touch ${marker}", strictHostKeyChecking: "yes" }\n`);
    const { code, out } = await cli(["train", "--config", file, "--quiet"]);
    expect(code).not.toBe(0);
    expect(out).toMatch(/ssh\.host: ssh host must be a host name/);
    expect(existsSync(marker)).toBe(false);
    expect(await t.db.trainingJob.count()).toBe(0);
  }, 150_000);

  it("a model name, partition or directive with a newline is refused; the sbatch script never gains a line", async () => {
    const marker = path.join(scratch, "sbatch-line-ran");
    const cases = [
      `baseModel: "Qwen/Qwen2.5-Coder-1.5B\\ntouch ${marker}"\n`,
      `slurm: { partition: "gpu\\ntouch ${marker}" }\n`,
      `slurm: { directives: ["--exclusive\\ntouch ${marker}"] }\n`,
      `slurm: { setup: ["module load cuda\\ntouch ${marker}"] }\n`,
    ];
    for (const body of cases) {
      const { code, out } = await cli(["train", "--config", yaml(`backend: slurm\n${body}`), "--dry-run"]);
      expect(code, body).not.toBe(0);
      expect(out, body).toMatch(/Invalid training config/);
      expect(out, body).not.toMatch(/^touch /m);
    }
    expect(existsSync(marker)).toBe(false);
  }, 150_000);

  it("the schema names each refused field", () => {
    const base = { dataset, backend: "ssh" as const };
    const refused: [unknown, RegExp][] = [
      [{ ...base, ssh: { host: "-oProxyCommand=id" } }, /ssh\.host: ssh host must be/],
      [{ ...base, ssh: { host: "gpu1", user: "-lroot" } }, /ssh\.user/],
      [{ ...base, ssh: { host: "gpu1", remoteDir: "x; touch y" } }, /ssh\.remoteDir/],
      [{ ...base, ssh: { host: "gpu1", identityFile: "-oProxyCommand=id" } }, /ssh\.identityFile must not start with "-"/],
      [{ ...base, python: "python3\nid" }, /python must not contain control characters/],
      [{ dataset, backend: "slurm", slurm: { workDir: "/shared/x y" } }, /slurm\.workDir/],
      [{ dataset, backend: "slurm", slurm: { account: "a;b" } }, /slurm\.account/],
      [{ dataset, appUrl: "file:///etc/passwd" }, /appUrl/],
    ];
    for (const [raw, msg] of refused) expect(() => parseTrainConfig(raw), JSON.stringify(raw)).toThrow(msg);
    // Ordinary values still pass.
    const ok = parseTrainConfig({ dataset, backend: "slurm", baseModel: "Qwen/Qwen2.5-Coder-7B", slurm: { partition: "gpu,gpu-long", account: "proj_42", directives: ["--exclusive", "--constraint=a100&nvlink"], setup: ["module load cuda/12.1", "source ~/venv/bin/activate"], workDir: "/shared/xi" } });
    expect(ok.slurm?.directives).toHaveLength(2);
  });

  it("a config that skipped the schema still cannot add a script line or pass a host as an ssh option", async () => {
    const c = parseTrainConfig({ dataset, backend: "slurm" });
    const bad = { ...c, baseModel: "m\ntouch /tmp/x" } as TrainConfig;
    expect(() => renderSbatchScript(bad, { jobId: "j", workDir: "/w", configPath: "/w/job.json", resume: false })).toThrow(/control character/);

    const marker = path.join(scratch, "unchecked-host-ran");
    const s = parseTrainConfig({ dataset, backend: "ssh", ssh: { host: "gpu1", strictHostKeyChecking: "yes" } });
    const evil = { ...s, ssh: { ...s.ssh!, host: `-oProxyCommand=touch ${marker}` } } as TrainConfig;
    const plan = planLaunch(evil, { jobId: "j1", token: "t", workDir: path.join(scratch, "w"), appUrl: "http://127.0.0.1:9" });
    expect(plan.display).toContain("-- '-oProxyCommand=");
    const lines: string[] = [];
    const r = await runSsh(plan, { signal: new AbortController().signal, onLines: (l) => lines.push(...l), onExternalId: () => {} });
    expect(r.state).toBe("connection failed");
    expect(existsSync(marker)).toBe(false);
  }, 60_000);
});
