import { afterAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { useTrainingFixture } from "@/lib/training/testing/training-fixture";
import { waitFor } from "@/lib/testing/spawn-cli";
import { cancelTrainingJob, createTrainingJob, listCheckpoints } from "@/lib/training/jobs-service";
import { runTrainingJob } from "@/lib/training/run-training";
import { freePort, sshdUnavailable, startLocalSshd, type LocalSshd } from "@/lib/training/testing/local-sshd";
import { pythonWithTorch } from "@/lib/training/testing/python";
import { tinyConfig } from "@/lib/training/testing/tiny-config";

/** The SSH backend against a real sshd on 127.0.0.1 (Debian's openssh-server), keys only. */
const unavailable = sshdUnavailable();
let sshd: LocalSshd;
let python: string;

describe.skipIf(unavailable)(`ssh backend${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  const f = useTrainingFixture("ssh", async (fx) => {
    sshd = await startLocalSshd(path.join(fx.root, "sshd"));
    python = await pythonWithTorch();
  });
  afterAll(async () => { await sshd?.stop(); });

  const config = (o: Record<string, unknown> = {}, ssh: Record<string, unknown> = {}) => tinyConfig({
    backend: "ssh", python,
    ssh: { host: "127.0.0.1", port: sshd.port, user: sshd.user, identityFile: sshd.identityFile, knownHostsFile: sshd.knownHostsFile, strictHostKeyChecking: "yes", remoteDir: path.join(f.root, "remote"), ...ssh },
    ...o,
  });
  const place = () => ({ workRoot: path.join(f.root, "local"), appUrl: f.server.url });

  it("copies job, trainer and data, trains remotely with the log streamed back; metrics come through the reverse tunnel", async () => {
    const tunnelPort = await freePort();
    const job = await createTrainingJob(f.t.db, config({ training: { maxSteps: 6, saveEvery: 3 } }, { tunnelPort }), place());
    const done = await runTrainingJob({ db: f.t.db, id: job.id, pollMs: 200 });
    expect(done.status, done.error ?? "").toBe("succeeded");
    const remote = path.join(f.root, "remote", job.id);
    expect(existsSync(path.join(remote, "data", "tiny-sft.jsonl"))).toBe(true);
    expect(existsSync(path.join(remote, "trainer", "__main__.py"))).toBe(true);
    expect(existsSync(path.join(remote, "out", "final", "config.json"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(remote, "job.json"), "utf8")).metrics_url).toBe(`http://127.0.0.1:${tunnelPort}/api/training/${job.id}/metrics`);
    expect(done.externalId).toBe(`ssh:${sshd.user}@127.0.0.1:${remote}`);
    expect(done.logTail).toContain("step 6/6");
    expect(done.command).toContain(`-R ${tunnelPort}:127.0.0.1:`);
    expect(f.server.statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })).toBe(6);
    // metrics.jsonl fetched back to the local job directory
    expect(readFileSync(path.join(f.root, "local", job.id, "metrics.jsonl"), "utf8")).toContain('"type": "final"');
  }, 240_000);

  it("cancel kills the remote trainer by its pid file with SIGTERM: checkpoint, then cancelled", async () => {
    const job = await createTrainingJob(f.t.db, config({ evalFraction: 0, training: { maxSteps: 500, saveEvery: 1000, globalBatchSize: 2, microBatchSize: 2, maxLength: 128 } }), place());
    const running = runTrainingJob({ db: f.t.db, id: job.id, pollMs: 200 });
    await waitFor(async () => (await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })) >= 2, 120_000);
    await cancelTrainingJob(f.t.db, job.id);
    const done = await running;
    expect(done.status, done.error ?? "").toBe("cancelled");
    expect(done.logTail).toContain("received SIGTERM");
    expect(await listCheckpoints(f.t.db, job.id)).toHaveLength(1);
  }, 240_000);

  it("the host dying (the connection lost) marks the job failed with the last log lines", async () => {
    const job = await createTrainingJob(f.t.db, config({ evalFraction: 0, training: { maxSteps: 500, saveEvery: 1000, globalBatchSize: 2, microBatchSize: 2, maxLength: 128 } }), place());
    const running = runTrainingJob({ db: f.t.db, id: job.id, pollMs: 200 });
    await waitFor(async () => (await f.t.db.metricPoint.count({ where: { trainingJobId: job.id, name: "loss" } })) >= 1, 120_000);
    sshd.killSessions();
    const done = await running;
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^connection lost \(exit code 255\); last log lines:\n/);
    expect(done.error).toMatch(/step \d+\/500/);
  }, 240_000);

  it("an unknown host key is refused before anything is copied", async () => {
    const job = await createTrainingJob(f.t.db, config({}, { knownHostsFile: path.join(f.root, "empty_known_hosts") }), place());
    const done = await runTrainingJob({ db: f.t.db, id: job.id, pollMs: 200 });
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/Host key verification failed|No .* host key is known/);
    expect(existsSync(path.join(f.root, "remote", job.id))).toBe(false);
  }, 60_000);
});
