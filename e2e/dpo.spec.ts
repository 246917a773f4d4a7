import { expect, test } from "@playwright/test";
import path from "node:path";
import { cli, generatedRun } from "./support/generated-run";

// A run made by the real pipeline with the CLI, into the e2e server's database (DATA_DIR
// .e2e-data/open, see playwright.config.ts): `xinstruct generate` with the scripted model, half of
// whose solutions carry a planted bug, then `xinstruct dpo`, which verifies the samples, samples
// N answers per query, runs each in the sandbox and stores the pairs.
const root = path.resolve(import.meta.dirname, "..");
const N = 8;
let runId = "";

test.beforeAll(() => {
  test.setTimeout(300_000);
  runId = generatedRun("e2e-dpo");
  const counts = JSON.parse(cli(["dpo", "--run", runId, "--model", "demo", "--n", String(N), "--no-progress"]).stdout);
  expect(counts.dpo).toMatchObject({ queries: 2, answers: 2 * N, pairs: 2 });
});

test("a query's sampled answers side by side with verdicts, and the diff of a chosen and a rejected answer", async ({ page }) => {
  const offsite: string[] = [];
  page.on("request", (r) => { if (!r.url().startsWith(process.env.E2E_BASE_URL!)) offsite.push(r.url()); });
  await page.goto(`/samples?runId=${runId}`);
  await expect(page.getByTestId("sample-total")).toHaveText("2 samples");

  const panel = page.getByTestId("dpo-answers");
  await expect(panel).toBeVisible();
  const cards = panel.getByTestId("dpo-answer");
  // the scripted model answers with the correct template or its planted bug: two distinct answers out of N
  await expect(cards).toHaveCount(2);
  await expect(panel.getByTestId("dpo-summary")).toContainText(`${N} answers sampled, 2 distinct`);
  await expect(panel.getByTestId("dpo-summary")).toContainText("1 pair formed");
  const pass = cards.and(page.locator("[data-verdict=ok]"));
  const fail = cards.and(page.locator("[data-verdict=exception]"));
  await expect(pass.getByTestId("dpo-answer-verdict")).toHaveText("pass · ok");
  await expect(fail.getByTestId("dpo-answer-verdict")).toHaveText("fail · exception");
  await expect(pass).toContainText("chosen in pair 1");
  await expect(fail).toContainText("rejected in pair 1");
  const counts = await cards.getByTestId("dpo-answer-count").allTextContents();
  expect(counts.map((c) => Number(c.replace("×", ""))).reduce((a, b) => a + b, 0)).toBe(N);
  // the failing answer's run says why: a check of the query's tests failed
  await expect(fail.getByTestId("dpo-answer-stderr")).toContainText(/AssertionError|check failed/);

  // Monaco's diff: rejected on the left, chosen on the right, the changed lines marked
  await expect(panel.getByLabel("Pair")).toHaveValue("0");
  await expect(panel.getByLabel("Pair").locator("option")).toHaveCount(1);
  const diff = panel.getByTestId("dpo-diff");
  await expect(diff.locator(".monaco-diff-editor")).toBeVisible({ timeout: 20_000 });
  await expect(diff.locator(".editor.original .view-lines")).not.toBeEmpty();
  await expect(diff.locator(".editor.modified .view-lines")).not.toBeEmpty();
  await expect(diff.locator(".editor.modified .line-insert, .editor.modified .char-insert").first()).toBeAttached();
  await expect(diff.locator(".editor.original .line-delete, .editor.original .char-delete").first()).toBeAttached();
  const firstLine = async (card: typeof pass) => (await card.locator("pre.dpo-code").textContent())!.split("\n")[0].trim();
  await expect(diff.locator(".editor.original .view-lines")).toContainText((await firstLine(fail)).split(/\s+/)[0]);
  await page.screenshot({ path: "test-results/screens/dpo-answers.png", fullPage: true });

  // the other query: its own answers
  const firstId = await page.getByTestId("sample-view").getAttribute("data-id");
  await page.getByRole("heading", { name: "Samples", exact: true }).click();
  await page.keyboard.press("j");
  await expect(page.getByTestId("sample-view")).not.toHaveAttribute("data-id", firstId!);
  await expect(panel.getByTestId("dpo-answer")).toHaveCount(2);
  await expect(panel.getByTestId("dpo-summary")).toContainText(`${N} answers sampled`);
  expect(offsite).toEqual([]); // Monaco's diff and its worker come from the app
});

test("DPO pairs from a succeeded SFT job's model: the run page offers the job, and the stage samples it where it trained", async ({ page, request }) => {
  test.setTimeout(360_000);
  const dataset = path.join(root, "trainer/examples/tiny-sft.jsonl");
  const name = `e2e-dpo-sft-${Date.now()}`;
  const made = await request.post("/api/training", {
    data: { config: { name, baseModel: "tiny-test", dataset, evalFraction: 0, resources: { gpusPerNode: 0 }, training: { learningRate: 0.003, warmupSteps: 1, globalBatchSize: 4, microBatchSize: 4, maxLength: 128, maxSteps: 2, saveEvery: 0, bf16: false } } },
  });
  expect(made.status()).toBe(201);
  const sft = (await made.json()).job as { id: string };
  const fresh = generatedRun("e2e-dpo"); // no DPO pairs yet: the stage pairs what it samples from the SFT model
  await expect.poll(async () => (await (await request.get(`/api/training/${sft.id}`)).json()).job.status, { timeout: 180_000 }).toBe("succeeded");

  await page.goto(`/runs/${fresh}`);
  const from = page.getByLabel("DPO answers sampled from");
  await expect(from.locator("option", { hasText: `SFT model of ${name} (local)` })).toHaveCount(1);
  await from.selectOption({ label: `SFT model of ${name} (local)` });
  await page.getByLabel("DPO answers per query").fill("2");
  // a bad length is named before anything is sent
  await page.getByLabel("Longest sampled answer in tokens").fill("lots");
  await expect(page.getByText("longest answer: a whole number of tokens from 1 to 32768")).toBeVisible();
  await expect(page.getByRole("button", { name: "Make DPO pairs" })).toBeDisabled();
  await page.getByLabel("Longest sampled answer in tokens").fill("16");
  await page.getByRole("button", { name: "Make DPO pairs" }).click();
  await expect(page.getByTestId("stage-notice")).toContainText("DPO sampling queued");
  const queued = /\(job (\S+)\)/.exec((await page.getByTestId("stage-notice").textContent()) ?? "")![1];
  const job = async () => (await (await request.get(`/api/jobs/${queued}`)).json()).job as { status: string; payload: Record<string, unknown>; result: unknown; lastError: string | null };
  expect((await job()).payload).toMatchObject({ runId: fresh, n: 2, fromJob: sft.id, maxNewTokens: 16 });
  // the worker samples the SFT job's final model where it trained (this host here), executes the answers and ends the stage
  await expect.poll(async () => { const j = await job(); return j.lastError ?? j.status; }, { timeout: 240_000 }).toBe("succeeded");
  // every answer came back and ran: 2 queries x 2 (the untrained tiny model's answers pass no test)
  expect((await job()).result).toMatchObject({ queries: 2, answers: 4, samplingFailures: 0 });
  await page.reload();
  await expect(page.getByText(/2\/2 queries .* 4 answers sampled/)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "test-results/screens/dpo-from-sft-job.png", fullPage: true });
});

test("Ds4 shows in Samples and its charts, and filters change with a diff open without a page error", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`/samples?runId=${runId}`);
  await expect(page.getByTestId("dpo-diff").locator(".monaco-diff-editor")).toBeVisible({ timeout: 20_000 });

  // Part = Ds4: the queries that have pairs (both of this run's samples)
  await page.getByLabel("Part", { exact: true }).selectOption("ds4");
  await expect(page).toHaveURL(/part=ds4/);
  await expect(page.getByTestId("sample-total")).toHaveText("2 samples");
  await expect(page.getByTestId("dpo-answers")).toBeVisible();
  await expect(page.getByTestId("dpo-diff").locator(".monaco-diff-editor")).toBeVisible({ timeout: 20_000 });

  // with the diff open: to the other query, to a filter listing nothing, and back
  await page.getByLabel("Language", { exact: true }).selectOption("py");
  await expect(page.getByTestId("sample-total")).toHaveText("1 samples");
  await expect(page.getByTestId("dpo-diff").locator(".monaco-diff-editor")).toBeVisible({ timeout: 20_000 });
  const shown = await page.getByTestId("sample-view").getAttribute("data-id");
  await page.getByLabel("Language", { exact: true }).selectOption("js");
  await expect(page.getByTestId("sample-total")).toHaveText("1 samples");
  await expect(page.getByTestId("sample-view")).not.toHaveAttribute("data-id", shown!);
  await expect(page.getByTestId("dpo-diff").locator(".monaco-diff-editor")).toBeVisible({ timeout: 20_000 });
  await page.getByLabel("Part", { exact: true }).selectOption("ds2");
  await expect(page.getByTestId("sample-total")).toHaveText("0 samples");
  await expect(page.getByTestId("dpo-diff")).toHaveCount(0);
  await page.getByLabel("Part", { exact: true }).selectOption("ds4");
  await expect(page.getByTestId("dpo-diff").locator(".monaco-diff-editor")).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300); // Monaco reports a disposed model from a timer
  expect(errors).toEqual([]);

  // the charts count Ds4 as the run's pairs, and every category keeps its axis label
  await page.goto(`/samples/charts?runId=${runId}`);
  await expect(page.getByTestId("charts-total")).toContainText("2 samples · 2 DPO pairs (Ds4)");
  const parts = page.getByTestId("chart-parts");
  await expect(parts.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: /^Ds\d$/ })).toHaveText(["Ds1", "Ds2", "Ds3", "Ds4"]);
  await expect(page.getByTestId("chart-languages").locator(".recharts-legend-item")).toHaveCount(4);
  await page.goto(`/samples/charts?runId=${runId}&part=ds4`);
  await expect(page.getByTestId("charts-total")).toContainText("0 samples · 2 DPO pairs (Ds4)");
  await page.screenshot({ path: "test-results/screens/sample-charts-ds4.png", fullPage: true });
});
