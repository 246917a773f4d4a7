import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startScriptedOpenAIServer, type ScriptedServer } from "../lib/evals/testing/scripted-openai-server";

// A model behind an OpenAI-compatible endpoint on 127.0.0.1 that answers the first four Python
// problems of MultiPL-E: "good" answers all with the canonical completion, "half" only two.
const BENCH = path.resolve("../shared/benchmarks");
const canonical = new Map<string, string>();
for (const line of readFileSync(`${BENCH}/multipl-e/humaneval-py-canonical-completions.jsonl`, "utf8").split("\n").filter(Boolean)) {
  const r = JSON.parse(line);
  canonical.set(r.name, r.completion);
}
const byPrompt = new Map<string, { name: string; index: number }>();
readFileSync(`${BENCH}/multipl-e/humaneval-py.jsonl`, "utf8").split("\n").filter(Boolean).slice(0, 4).forEach((line, index) => {
  const r = JSON.parse(line);
  byPrompt.set(r.prompt, { name: r.name, index });
});

let server: ScriptedServer;
test.beforeAll(async () => {
  server = await startScriptedOpenAIServer((req) => {
    const p = byPrompt.get(req.text);
    const wrong = "    return None\n";
    if (!p) return [wrong];
    if (req.body.model === "half" && p.index % 2 === 0) return [wrong];
    return [canonical.get(p.name)!];
  });
});
test.afterAll(async () => { await server?.close(); });

test("launch an evaluation from the form, see pass@1 per language, and compare two evaluations", async ({ page, request }) => {
  test.setTimeout(180_000);
  await page.goto("/evaluations");
  await page.getByLabel("Endpoint", { exact: true }).selectOption({ label: "Other URL…" });
  await page.getByLabel("Endpoint URL").fill(server.url);
  await page.getByLabel("Name", { exact: true }).fill("half model");
  await page.getByLabel("Model", { exact: true }).fill("half");
  await page.getByLabel("Benchmark data").fill(BENCH);
  await page.getByLabel("Limit").fill("4");
  for (const l of ["java", "cpp", "cs", "ts", "js", "php", "sh"]) await page.getByLabel(`language ${l}`).uncheck();
  await page.getByRole("button", { name: "Start evaluation" }).click();
  await expect(page).toHaveURL(/\/evaluations\/[a-z0-9]+$/);
  const half = page.url().split("/").pop()!;
  await expect(page.getByTestId("score-multipl-e-py")).toHaveText(/pass@1 50\.0%/, { timeout: 120_000 });
  await expect(page.getByTestId("pass-rate-chart")).toBeVisible();
  await page.getByRole("cell", { name: "HumanEval_0_has_close_elements" }).first().click();
  await expect(page.getByTestId("result-detail")).toContainText("def has_close_elements");
  await page.screenshot({ path: "test-results/screens/evaluation.png", fullPage: true });

  // A second evaluation through the API (as a script would), then the comparison.
  const res = await request.post("/api/evaluations", {
    data: { name: "good model", model: "good", endpointUrl: server.url, suites: [{ benchmark: "multipl-e", languages: ["py"], source: BENCH, limit: 4 }] },
  });
  expect(res.status()).toBe(201);
  const good = (await res.json()).evaluation.id as string;
  await expect.poll(async () => (await (await request.get(`/api/evaluations/${good}`)).json()).evaluation.status, { timeout: 120_000 }).toBe("succeeded");
  await page.goto(`/compare?ids=${half},${good}&baseline=${half}&paper=1`);
  const table = page.getByTestId("compare-table");
  await expect(table).toContainText("Python");
  await expect(table).toContainText("+50");
  await expect(page.getByTestId("table1")).toContainText("Qwen2.5-Coder-0.5B-Instruct 0.5B (paper)");
  // MultiPL-E's high-/low-resource split: Python is a high-resource language, no low-resource one was measured.
  await expect(page.getByTestId("resource-groups")).toContainText("High-resource languages (mean)");
  await expect(page.getByTestId("resource-groups")).not.toContainText("Low-resource");
  await page.screenshot({ path: "test-results/screens/compare.png", fullPage: true });
});
