import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { bigcodeFiles, writeMultiplEFolder } from "../lib/evals/testing/import-fixtures";

// Result files as MultiPL-E writes them (one per problem, some gzipped, some still to run),
// built from the real benchmark data: pass@1 is 65 % on py and 50 % on js.
const dir = mkdtempSync(path.join(os.tmpdir(), "xi-e2e-import-"));
writeMultiplEFolder(dir);
const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
const wrongFile = path.join(dir, "evaluation_results.json");
writeFileSync(wrongFile, bigcodeFiles().files[2].text);

test("import MultiPL-E result files in the browser, the pending programs run, and compare the import", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/evaluations");
  await page.getByRole("link", { name: "import results" }).click();
  await expect(page).toHaveURL(/\/evaluations\/import$/);

  // A file of the other harness is refused with the reason, and nothing is stored.
  await page.getByLabel("Model", { exact: true }).fill("santacoder");
  await page.getByLabel("Result files").setInputFiles(wrongFile);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-error")).toHaveText(/evaluation_results\.json is not a MultiPL-E problem file.*bigcode-evaluation-harness file, so choose that format/);

  await page.getByLabel("Name", { exact: true }).fill("santacoder imported");
  await page.getByLabel("Result files").setInputFiles(files);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/evaluations\/[a-z0-9]+$/);
  await expect(page.getByText("imported from MultiPL-E result files")).toBeVisible();
  await expect(page.getByTestId("score-multipl-e-py")).toHaveText(/pass@1 65\.0%/, { timeout: 120_000 });
  await expect(page.getByTestId("score-multipl-e-js")).toHaveText(/pass@1 50\.0%/);
  await page.screenshot({ path: "test-results/screens/eval-import.png", fullPage: true });

  await page.goto("/compare");
  await page.getByLabel("compare santacoder imported (santacoder)").check();
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  const table = page.getByTestId("compare-table");
  await expect(table).toContainText("santacoder imported (santacoder)");
  await expect(table.getByRole("row", { name: /Python/ })).toContainText("65");
  await expect(table.getByRole("row", { name: /JavaScript|JS/ })).toContainText("50");
  await page.screenshot({ path: "test-results/screens/eval-import-compare.png", fullPage: true });
});
