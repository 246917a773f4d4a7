import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScriptedOpenAIServer, type ScriptedServer } from "@/lib/evals/testing/scripted-openai-server";
import type { RunConfigInput } from "@/lib/domain/run-config";
import { FAILED_SHARE } from "@/lib/domain/stage-outcome";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createRun } from "./create-run";
import { executeRun } from "./execute-run";
import { runTopic } from "./ids";
import type { RunCounts } from "./run-progress";
import { demoRunConfig, demoSnippetInputs } from "./test-support";
import { closedPort } from "@/lib/testing/closed-port";

let t: TestDb;
let refusing: ScriptedServer;
beforeAll(async () => {
  t = await createTestDb();
  // a server that refuses every call, as one that does not support structured output does
  refusing = await startScriptedOpenAIServer(() => ({ status: 400, body: JSON.stringify({ error: { message: "response_format is not supported by this server", type: "invalid_request_error" } }) }));
});
afterAll(async () => {
  await refusing.close();
  await t.cleanup();
});

const httpConfig = (baseURL: string): RunConfigInput => ({
  seed: 5,
  targets: { ds3Samples: 4 },
  models: {
    endpoints: [{ name: "real", provider: "openai-compatible", baseURL: `${baseURL}/v1`, model: "some-model", concurrency: 4, maxRetries: 1, retryBaseDelayMs: 1, retryMaxDelayMs: 2, timeoutMs: 5_000 }],
    iGenerator: { endpoint: "real" },
    rGenerator: { endpoint: "real" },
    scorer: { endpoint: "real" },
    discussion: { endpoint: "real" },
  },
});


async function finished(runId: string) {
  const run = await t.db.run.findUniqueOrThrow({ where: { id: runId } });
  const end = await t.db.event.findFirst({ where: { topic: runTopic(runId), type: "end" } });
  return { run, counts: run.counts as unknown as RunCounts, end: end?.data as { status: string; error: string | null } };
}

describe("a run says how it really ended", () => {
  it("every call refused with a 400: the run failed, with the cause in words and the failed steps counted by cause", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: httpConfig(refusing.url), enqueue: false });
    expect((await executeRun({ db: t.db, runId: run.id })).status).toBe("failed");
    const { run: row, counts, end } = await finished(run.id);
    expect(row.status).toBe("failed");
    expect(counts.failedSteps).toBe(counts.seed.total);
    expect(counts.failedSteps).toBeGreaterThan(0);
    expect(row.error).toMatch(new RegExp(`^All ${counts.failedSteps} steps failed \\(\\d+ of \\d+ model calls failed\\): the server rejected response_format \\(400\\)`));
    expect(counts.failureCauses["response-format:400"]).toMatchObject({ steps: counts.failedSteps, example: expect.stringMatching(/response_format is not supported/) });
    expect(end).toMatchObject({ status: "failed", error: row.error });
    expect(await t.db.sample.count({ where: { runId: run.id } })).toBe(0);
  });

  it("a dead endpoint (nothing listens on the port): failed, the endpoint could not be reached", async () => {
    const { run } = await createRun(t.db, { snippets: demoSnippetInputs(1), config: httpConfig(`http://127.0.0.1:${await closedPort()}`), enqueue: false });
    expect((await executeRun({ db: t.db, runId: run.id })).status).toBe("failed");
    const { run: row, counts } = await finished(run.id);
    expect(Object.keys(counts.failureCauses)).toEqual(["network"]);
    expect(row.error).toMatch(/steps failed .*: the endpoint could not be reached/);
  });

  it(`mostly failing steps: failed; a few (at most ${FAILED_SHARE * 100} %): completed with errors, the samples kept`, async () => {
    const faulty = (rate: number) => demoRunConfig({ seed: 8 }, { faults: { serverError: rate } }, { maxRetries: 0 });
    const many = await createRun(t.db, { snippets: demoSnippetInputs(2), config: faulty(0.6), enqueue: false });
    expect((await executeRun({ db: t.db, runId: many.run.id })).status).toBe("failed");
    const m = await finished(many.run.id);
    expect(m.counts.failedSteps / (m.counts.seed.done + m.counts.discuss.done)).toBeGreaterThan(FAILED_SHARE);
    expect(m.run.error).toMatch(/of \d+ steps failed .*: the server failed \(50[03]\), retries exhausted/);

    const few = await createRun(t.db, { snippets: demoSnippetInputs(2), config: faulty(0.03), enqueue: false });
    expect((await executeRun({ db: t.db, runId: few.run.id })).status).toBe("completed_with_errors");
    const f = await finished(few.run.id);
    const share = f.counts.failedSteps / (f.counts.seed.done + f.counts.discuss.done);
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThanOrEqual(FAILED_SHARE);
    expect(f.run.error).toMatch(new RegExp(`^${f.counts.failedSteps} of \\d+ steps failed`));
    expect(await t.db.sample.count({ where: { runId: few.run.id } })).toBe(f.counts.samples.ds1 + f.counts.samples.ds2 + f.counts.samples.ds3);
  });
});
