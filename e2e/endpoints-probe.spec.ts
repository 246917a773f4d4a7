import path from "node:path";
import { expect, test } from "@playwright/test";
import { startFlavouredServer, type FlavouredServer } from "../lib/llm/testing/flavoured-server";
import { closedPort } from "../lib/testing/closed-port";

// "Test connection" in Settings against a server on 127.0.0.1 that answers like vLLM, then an
// evaluation launched with no model server at all (the demo model), and a dead endpoint refused
// at launch with the reason.
const BENCH = path.resolve("../shared/benchmarks");
const NAME = `e2e-vllm-${Date.now()}`;
let server: FlavouredServer;
test.beforeAll(async () => {
  server = await startFlavouredServer({ flavour: "vllm", models: ["Qwen/Qwen2.5-Coder-7B-Instruct", "Qwen/Qwen2.5-Coder-1.5B"], contextLength: 32768, chatDelayMs: 20 });
});
test.afterAll(async () => { await server?.close(); });


test("Test connection: served models, latency, structured output and context; a mode override; a dead server in words", async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel("Name", { exact: true }).fill(NAME);
  await page.getByLabel("Provider", { exact: true }).selectOption("openai-compatible");
  await page.getByLabel("Base URL", { exact: true }).fill(server.url);
  await page.getByLabel("Model", { exact: true }).fill("Qwen/Qwen2.5-Coder-7B-Instruct");
  await page.getByRole("button", { name: "Save endpoint" }).click();

  // saving tests it at once
  const probe = page.getByTestId(`probe-${NAME}`);
  await expect(probe).toContainText("connected");
  await expect(probe.getByTestId("fact-served-models")).toHaveText("Qwen/Qwen2.5-Coder-7B-Instruct, Qwen/Qwen2.5-Coder-1.5B");
  await expect(probe.getByTestId("fact-latency")).toHaveText(/^\d+ ms \(one short chat request\)$/);
  await expect(probe.getByTestId("fact-structured-output")).toHaveText("json_schema");
  await expect(probe.getByTestId("fact-context-length")).toHaveText("32,768 tokens (vLLM max_model_len (/v1/models))");
  await expect(page.getByTestId(`mode-${NAME}`)).toHaveText("auto → json_schema");
  await page.screenshot({ path: "test-results/screens/settings-test-connection.png", fullPage: true });

  // the user pins another mode; it survives a reload
  await page.getByRole("button", { name: `Edit ${NAME}` }).click();
  await page.getByLabel("Structured output", { exact: true }).selectOption("json_object");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId(`mode-${NAME}`)).toHaveText("json_object");
  await page.reload();
  await expect(page.getByTestId(`mode-${NAME}`)).toHaveText("json_object");

  // the server goes away: the test says so in words
  await server.close();
  await page.getByRole("button", { name: `Test connection of ${NAME}` }).click();
  await expect(page.getByTestId(`probe-${NAME}`)).toContainText("failed");
  await expect(page.getByTestId("probe-error")).toHaveText(/^Connection refused by 127\.0\.0\.1:\d+: nothing is listening there\. Is the model server started, and on this port\?$/);
  await expect(page.getByTestId(`last-test-${NAME}`)).toContainText("failed");
  await page.screenshot({ path: "test-results/screens/settings-test-failed.png", fullPage: true });
});

test("an evaluation launched offline with the demo model runs to the end; a dead endpoint is refused at launch with the reason", async ({ page, request }) => {
  test.setTimeout(180_000);
  const demo = `e2e-demo-${Date.now()}`;
  expect((await request.post("/api/settings/endpoints", { data: { name: demo, provider: "scripted", model: "xinstruct-demo" } })).status()).toBe(201);

  await page.goto("/evaluations");
  // the endpoint whose last test failed is listed as not usable, with the reason
  await expect(page.getByTestId("unusable-endpoints")).toContainText(`${NAME}: last connection test failed: Connection refused`);
  await page.getByLabel("Endpoint", { exact: true }).selectOption(demo);
  await expect(page.getByTestId("endpoint-note")).toHaveText("offline demo model: placeholder answers, so scores are 0");
  await expect(page.getByLabel("Mode", { exact: true })).toHaveValue("chat");
  await page.getByLabel("Name", { exact: true }).fill("offline demo eval");
  await page.getByLabel("Benchmark data").fill(BENCH);
  await page.getByLabel("Limit").fill("2");
  for (const l of ["java", "cpp", "cs", "ts", "js", "php", "sh"]) await page.getByLabel(`language ${l}`).uncheck();
  await page.getByRole("button", { name: "Start evaluation" }).click();
  await expect(page).toHaveURL(/\/evaluations\/[a-z0-9]+$/);
  await expect(page.getByTestId("score-multipl-e-py")).toHaveText(/pass@1 0\.0%/, { timeout: 120_000 });
  await page.screenshot({ path: "test-results/screens/evaluation-offline-demo.png", fullPage: true });

  // a URL nothing listens on: refused at once, nothing queued
  const port = await closedPort();
  await page.goto("/evaluations");
  await page.getByLabel("Endpoint", { exact: true }).selectOption({ label: "Other URL…" });
  await page.getByLabel("Endpoint URL").fill(`http://127.0.0.1:${port}/v1`);
  await page.getByLabel("Name", { exact: true }).fill("dead endpoint");
  await page.getByLabel("Model", { exact: true }).fill("m");
  await page.getByLabel("Benchmark data").fill(BENCH);
  const started = Date.now();
  await page.getByRole("button", { name: "Start evaluation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The evaluation was not started" })).toHaveText(new RegExp(`endpoint http://127\\.0\\.0\\.1:${port}/v1: Connection refused by 127\\.0\\.0\\.1:${port}`));
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page).toHaveURL(/\/evaluations$/);
});
