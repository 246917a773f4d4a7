import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, it } from "vitest";
import type { TestDb } from "@/lib/testing/test-db";
import { useTestDbWithDir } from "@/lib/testing/test-db-with-dir";
import { createAblation } from "./create-ablation";
import { createFixtureRun } from "./testing/fixture";

let t: TestDb;
let dir: string;
useTestDbWithDir("xi-ablation-preflight-", (f) => { t = f.t; dir = f.dir; });

it("an ablation whose evaluation endpoint is dead is refused before any variant is created or trained", async () => {
  const { runId } = await createFixtureRun(t.db);
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  const input = { runId, variants: "no-ds1", training: { baseModel: "tiny", resources: { gpusPerNode: 0 } }, evaluation: { endpointUrl: `http://127.0.0.1:${port}/v1`, suites: [{ benchmark: "multipl-e", languages: ["py"], source: "../shared/benchmarks" }] } };
  const placement = { workRoot: path.join(dir, "training"), appUrl: "http://127.0.0.1:1", dataDir: dir };
  await expect(createAblation(t.db, input, placement)).rejects.toMatchObject({
    code: "unavailable:endpoint",
    message: expect.stringMatching(new RegExp(`^The ablation was not started: the evaluation endpoint http://127\\.0\\.0\\.1:${port}/v1: Connection refused`)),
  });
  expect(await t.db.ablation.count()).toBe(0);
  expect(await t.db.ablationVariant.count()).toBe(0);
  expect(await t.db.job.count()).toBe(0);
});
