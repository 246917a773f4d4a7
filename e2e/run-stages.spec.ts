import { expect, test } from "@playwright/test";
import { generatedRun } from "./support/generated-run";

// The stages after generation, started from the run page of a finished run (its event stream
// has ended): their bars must reach "done" without a reload. The run is made by the real
// pipeline with the CLI and the scripted model (half its solutions carry a planted bug, so DPO
// finds passing and failing answers), into the e2e server's database.
let runId = "";

test.beforeAll(() => {
  test.setTimeout(180_000);
  runId = generatedRun("e2e-stages");
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
