import { expect, test } from "@playwright/test";
import path from "node:path";

const dataset = path.resolve(import.meta.dirname, "../trainer/examples/tiny-sft.jsonl");
const small = { learningRate: 0.003, warmupSteps: 2, globalBatchSize: 8, microBatchSize: 4, maxLength: 256, evalEvery: 4, saveEvery: 8, bf16: false };

test("a tiny SFT job launched from the form shows its command first, then live curves, log and checkpoints; past curves overlay", async ({ page, request }) => {
  test.setTimeout(360_000);
  // A past job to compare with (launched through the API, run by the app's worker).
  const past = await request.post("/api/training", {
    data: { config: { name: "e2e-past", baseModel: "tiny-test", dataset, resources: { gpusPerNode: 0 }, training: { ...small, maxSteps: 4 } } },
  });
  expect(past.status()).toBe(201);

  await page.goto("/training");
  await page.getByRole("link", { name: "New training job" }).click();
  await expect(page.getByRole("heading", { name: "New training job" })).toBeVisible();
  // the paper's defaults are there before anything is typed
  await expect(page.getByLabel("Learning rate")).toHaveValue("5e-5");
  await expect(page.getByLabel("Global batch")).toHaveValue("1024");
  await expect(page.getByLabel("Max length")).toHaveValue("2048");
  await expect(page.getByLabel("Warmup steps")).toHaveValue("100");

  await page.getByLabel("Job name").fill("e2e-sft");
  await page.getByLabel("Base model").fill("tiny-test");
  await page.getByLabel("Dataset (JSONL path)").fill(dataset);
  for (const [label, value] of [["Learning rate", "0.003"], ["Warmup steps", "2"], ["Global batch", "8"], ["Micro batch per GPU", "4"], ["Max length", "256"], ["Max steps (optional)", "16"], ["Eval every (steps)", "4"], ["Checkpoint every (steps)", "8"], ["GPUs per node", "0"]]) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await page.getByLabel("bf16").uncheck();
  await expect(page.getByRole("button", { name: "Launch" })).toBeDisabled();
  // A typo is named beside its field before anything is sent; fixing it clears the message.
  await page.getByLabel("Learning rate", { exact: true }).fill("3e-3x");
  await page.getByRole("button", { name: "Preview command" }).click();
  await expect(page.getByText('"3e-3x" is not a number.')).toBeVisible();
  await expect(page.getByLabel("Learning rate", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("training-preview")).toHaveCount(0);
  await page.getByLabel("Learning rate", { exact: true }).fill("0.003");
  await expect(page.getByText('"3e-3x" is not a number.')).toHaveCount(0);
  await page.getByRole("button", { name: "Preview command" }).click();
  const preview = page.getByTestId("training-preview");
  await expect(preview).toContainText("python3 -m trainer sft --config");
  // The step plan before launch: the dataset file is on this host, the batch of 8 counts samples.
  const plan = page.getByTestId("training-plan");
  await expect(plan).toContainText("16 optimizer steps");
  await expect(plan).toContainText("packed rows");
  await page.getByRole("tab", { name: "LLaMA-Factory YAML" }).click();
  await expect(preview).toContainText("stage: sft");
  await expect(preview).toContainText("learning_rate: 0.003");
  await expect(preview).toContainText("# Batch in samples: packing puts about");
  await expect(preview).toContainText("neat_packing: true");
  await page.getByRole("tab", { name: "TRL" }).click();
  await expect(preview).toContainText("trl sft --config trl-sft.yaml");
  await expect(preview).toContainText("padding_free: true");
  await page.screenshot({ path: "test-results/screens/training-form.png", fullPage: true });

  await page.getByRole("button", { name: "Launch" }).click();
  await expect(page).toHaveURL(/\/training\/[a-z0-9]+$/);
  await expect(page.getByTestId("training-command")).toContainText("python3 -m trainer sft --config");
  // What was trained on what is on the job's page.
  await expect(page.getByTestId("training-summary")).toContainText("tiny-test");
  await expect(page.getByTestId("training-summary")).toContainText(dataset);
  await expect(page.getByTestId("training-summary")).toContainText("16 steps");

  // The loss chart fills in while the job runs, not only at the end.
  const chart = page.getByTestId("chart-loss");
  await expect.poll(async () => Number((await chart.getAttribute("data-points").catch(() => null)) ?? 0), { timeout: 180_000 }).toBeGreaterThan(0);
  const mid = Number(await chart.getAttribute("data-points"));
  expect(mid).toBeLessThan(16);
  await expect(page.getByTestId("training-status")).toHaveText("succeeded", { timeout: 240_000 });
  await expect.poll(async () => Number(await chart.getAttribute("data-points"))).toBe(16);
  await expect(page.getByTestId("training-log")).toContainText("step 16/16");
  await expect(page.getByTestId("training-checkpoints")).toContainText("final model");
  for (const id of ["lr", "grad_norm", "tokens_per_s"]) await expect(page.getByTestId(`chart-${id}`)).toBeVisible();
  await expect(page.getByTestId("training-latest")).toContainText("loss");
  await page.screenshot({ path: "test-results/screens/training-job.png", fullPage: true });

  // After a reload the curves come from the database; a past job's loss can be overlaid.
  await page.reload();
  await expect.poll(async () => Number(await chart.getAttribute("data-points"))).toBe(16);
  await page.getByTestId("overlay-picker").locator("summary").click();
  await page.getByLabel("Overlay e2e-past").check();
  await expect(chart).toContainText("e2e-past (loss)");
  await page.screenshot({ path: "test-results/screens/training-overlay.png", fullPage: true });

  await page.goto("/training");
  await expect(page.getByRole("link", { name: "e2e-sft" })).toBeVisible();
  // The list says how far each job got and where its loss ended.
  const row = page.getByTestId("training-jobs").getByRole("row").filter({ has: page.getByRole("link", { name: "e2e-sft" }) });
  await expect(row).toContainText("16 / 16");
  await expect(row).toContainText("tiny-sft.jsonl");
  await expect(row).toContainText(/\d\.\d{4}/);
});

test("early stopping: a job whose eval loss stops falling ends early and exports its best weights; the page says where", async ({ page, request }) => {
  test.setTimeout(300_000);
  const evalDataset = path.resolve(import.meta.dirname, "../trainer/examples/tiny-sft-conflicting-eval.jsonl");
  const created = await request.post("/api/training", {
    data: { config: { name: "e2e-early-stop", baseModel: "tiny-test", dataset, evalDataset, resources: { gpusPerNode: 0 },
      training: { ...small, warmupSteps: 1, maxSteps: 60, evalEvery: 2, saveEvery: 0, earlyStoppingPatience: 2, earlyStoppingMinDelta: 0.01 } } },
  });
  expect(created.status()).toBe(201);
  const { job } = await created.json();
  await page.goto(`/training/${job.id}`);
  await expect(page.getByTestId("training-summary")).toContainText("after 2 evals without an eval-loss gain > 0.01");
  await expect(page.getByTestId("training-status")).toHaveText("succeeded", { timeout: 240_000 });
  await expect(page.getByTestId("trainer-attention")).toContainText("native model: attention masked by segment ids");
  await expect(page.getByTestId("trainer-schedule")).toContainText("optimizer steps");
  const stop = page.getByTestId("trainer-early-stop");
  await expect(stop).toContainText(/early stop at step (\d+).*best step (\d+)/);
  const [, stoppedAt, best] = /early stop at step (\d+).*best step (\d+)/.exec((await stop.textContent())!)!;
  expect(Number(stoppedAt)).toBeLessThan(60);
  await expect(stop).toContainText(`the final model holds the weights of step ${best}`);
  await expect(page.getByTestId("chart-loss-marks")).toContainText(`early stop (step ${stoppedAt})`);
  await expect(page.getByTestId("chart-loss-marks")).toContainText(`best eval, exported (step ${best})`);
  await expect(page.getByTestId("training-checkpoints")).toContainText(`final model (weights of step ${best}, best eval loss)`);
  await expect.poll(async () => Number(await page.getByTestId("chart-loss").getAttribute("data-points"))).toBe(Number(stoppedAt));
  await page.screenshot({ path: "test-results/screens/training-early-stop.png", fullPage: true });
});

test("the metrics endpoint takes only the job's own token, even where sign-in is required", async ({ request, baseURL }) => {
  // playwright.config.ts: the open server on baseURL, the one that requires sign-in on the next port
  const open = new URL(baseURL!);
  const auth = new URL(baseURL!);
  auth.port = String(Number(open.port) + 1);
  const created = await request.post("/api/training", { data: { config: { baseModel: "tiny-test", dataset, resources: { gpusPerNode: 0 }, training: { ...small, maxSteps: 1 } } } });
  const { job } = await created.json();
  for (const base of [open.origin, auth.origin]) {
    const res = await request.post(`${base}/api/training/${job.id}/metrics`, {
      headers: { authorization: "Bearer not-the-token" },
      data: { records: [{ type: "metrics", step: 1, values: { loss: 1 } }] },
    });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized:training_token");
  }
  // reading the curves still needs a session where auth is on
  const read = await request.get(`${auth.origin}/api/training/${job.id}/metrics`);
  expect(read.status()).toBe(401);
});
