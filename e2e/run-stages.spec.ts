import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The stages after generation, started from the run page of a finished run (its event stream
// has ended): their bars must reach "done" without a reload. The run is made by the real
// pipeline with the CLI and the scripted model (half its solutions carry a planted bug, so DPO
// finds passing and failing answers), into the e2e server's database.
const root = path.resolve(import.meta.dirname, "..");
let runId = "";

test.beforeAll(() => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-e2e-stages-"));
  mkdirSync(path.join(dir, "corpus"));
  writeFileSync(path.join(dir, "corpus", "stats.py"), 'def total(xs):\n    """Sum of a list."""\n    s = 0\n    for x in xs:\n        s += x\n    return s\n');
  writeFileSync(path.join(dir, "corpus", "words.js"), "function countWords(text) {\n  return text.split(/\\s+/).filter(Boolean).length;\n}\nmodule.exports = { countWords };\n");
  writeFileSync(path.join(dir, "run.yaml"), [
    `name: e2e-stages-${Date.now()}`,
    "seed: 15",
    "languages: [py, js]",
    "seedData: { modes: [ds1] }",
    "targets: { ds3Samples: 0 }",
    "models:",
    "  endpoints:",
    "    - { name: demo, provider: scripted, model: xinstruct-demo, concurrency: 16, scripted: { faults: { wrongSolution: 0.5 } } }",
  ].join("\n"));
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [path.join(root, "bin/xinstruct.mjs"), "generate", "--config", path.join(dir, "run.yaml"), "--corpus", path.join(dir, "corpus"), "--no-progress"], { cwd: root, env: { ...env, DATA_DIR: path.join(root, ".e2e-data", "open") }, encoding: "utf8", timeout: 150_000 });
  expect(r.status, r.stderr).toBe(0);
  runId = /run (\S+) "/.exec(r.stderr)![1];
});

test("verify and DPO started from a finished run's page move their bars to done without a reload; a re-verify says there was nothing new", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId("stream-state")).toHaveText("finished");
  await expect(page.getByTestId("stage-verify")).toHaveText("0/? · pending");

  await page.getByRole("button", { name: "Verify samples" }).click();
  await expect(page.getByTestId("stage-notice")).toContainText("Verification queued");
  await expect(page.getByTestId("stage-verify")).toHaveText(/^(\d+)\/\1 · done$/, { timeout: 60_000 });
  await expect(page.getByTestId("verify-last-pass")).toContainText(/last pass: \d passed, \d failed/);
  await expect(page.getByRole("button", { name: "Verify samples" })).toBeEnabled();
  await page.screenshot({ path: "test-results/screens/run-after-verify.png", fullPage: true });

  await page.getByLabel("DPO answers per query").fill("8");
  await page.getByRole("button", { name: "Make DPO pairs" }).click();
  await expect(page.getByTestId("stage-notice")).toContainText("DPO sampling queued");
  await expect(page.getByTestId("stage-dpo")).toHaveText(/^(\d+)\/\1 · done$/, { timeout: 90_000 });
  await expect(page.getByTestId("dpo-counts")).toContainText(/[1-9]\d* pairs/);
  await expect(page.getByRole("button", { name: "Make DPO pairs" })).toBeEnabled();

  // every sample has its verdict: a second pass takes nothing up, and says so
  const verifyQueued = page.getByTestId("stage-notice");
  await page.getByRole("button", { name: "Verify samples" }).click();
  await expect(verifyQueued).toContainText("Verification queued");
  // held while the asked-for pass has not run, freed when it has
  await expect(page.getByRole("button", { name: "Verify samples" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Verify samples" })).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId("verify-last-pass")).toHaveText("last pass: nothing new to verify");
  await expect(page.getByTestId("stage-verify")).toHaveText(/^(\d+)\/\1 · done$/);
  await page.screenshot({ path: "test-results/screens/run-after-dpo.png", fullPage: true });
});
