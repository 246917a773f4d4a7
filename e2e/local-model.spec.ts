import { expect, test } from "@playwright/test";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

// The embedded local model from the browser: a GGUF file added in Settings (checked on save),
// and a GGUF in the data dir offered to new runs before the demo model. The file is the real
// tiny random-weights model beside the checkout (../shared/models).
const root = path.resolve(import.meta.dirname, "..");
const TINY = path.resolve(root, "../shared/models/llama-2-tiny-random.gguf");
// the open server's DATA_DIR (playwright.config.ts)
const models = path.join(root, ".e2e-data", "open", "models");
const offered = path.join(models, "e2e-tiny-coder.gguf");

test.afterAll(async ({ request }) => {
  // leave the data dir and Settings as other specs expect them: demo model first
  rmSync(offered, { force: true });
  const { endpoints } = await (await request.get("/api/settings/endpoints")).json();
  for (const e of endpoints as { id: string; name: string }[]) if (e.name === "tiny local") await request.delete(`/api/settings/endpoints/${e.id}`);
});

test("a local GGUF endpoint is added in Settings, with a clear error for a wrong file", async ({ page }) => {
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Model endpoint" });
  await page.getByLabel("Name").fill("tiny local");
  await page.getByLabel("Provider").selectOption("local");
  await expect(page.getByLabel("Base URL")).toHaveCount(0);
  await expect(page.getByLabel("API key")).toHaveCount(0);
  await page.getByLabel("Model file").fill(path.join(root, "package.json"));
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(form.getByRole("alert")).toContainText("is not a GGUF model file");
  await page.getByLabel("Model file").fill("/nowhere/model.gguf");
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(form.getByRole("alert")).toContainText("No file at /nowhere/model.gguf");

  await page.getByLabel("Model file").fill(TINY);
  await page.getByLabel("Threads").fill("1");
  await page.getByRole("button", { name: "Save endpoint" }).click();
  const row = page.getByTestId("endpoints").getByRole("row").filter({ hasText: "tiny local" });
  await expect(row).toContainText("Local model file");
  // named after its file when no model name is given
  await expect(row).toContainText("llama-2-tiny-random");
  await expect(row).toContainText(`${TINY} · 1 threads`);
  await page.screenshot({ path: "test-results/screens/settings-local-model.png" });
});

test("a GGUF file in the data dir is offered to new runs before the demo model", async ({ page }) => {
  mkdirSync(models, { recursive: true });
  copyFileSync(TINY, offered);
  await page.goto("/runs/new");
  for (const role of ["Instruction generator", "Response generator", "Scorer", "Discussion agents"]) {
    const select = page.getByLabel(`${role} model`);
    await expect(select).toHaveValue("local-e2e-tiny-coder");
    const options = await select.locator("option").allTextContents();
    expect(options.indexOf("local-e2e-tiny-coder")).toBe(0);
    expect(options.indexOf("demo")).toBeGreaterThan(0);
  }
  await page.screenshot({ path: "test-results/screens/new-run-local-model.png" });
});
