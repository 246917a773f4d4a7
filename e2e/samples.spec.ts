import { expect, test, type Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Data comes in the way a user brings existing data: `xinstruct samples import`, into the
// database of the e2e server (DATA_DIR .e2e-data/open, see playwright.config.ts).
const root = path.resolve(import.meta.dirname, "..");
const RUN = `e2e-curation-${Date.now()}`;

function importSamples(lines: object[]) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "xi-e2e-")), "samples.jsonl");
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n"));
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [path.join(root, "bin/xinstruct.mjs"), "samples", "import", file, "--run", RUN], {
    cwd: root,
    env: { ...env, DATA_DIR: path.join(root, ".e2e-data", "open") },
    encoding: "utf8",
  });
  expect(r.status, r.stderr).toBe(0);
}

const row = (page: Page, i: number) => page.getByTestId("sample-row").nth(i);

test.beforeAll(() => {
  // Imported in this order, listed newest first: py-3, py-2, py-1 on top for language py.
  importSamples([
    { language: "py", part: "ds1", score: 4, instruction: "E2E py-1: return the sum of a list.", solution: "def total(xs):\n    return sum(xs)", tests: "assert total([1, 2]) == 3", verdict: "ok" },
    { language: "py", part: "ds2", score: 2.5, instruction: "E2E py-2: reverse a string.", solution: "def rev(s):\n    return s[::-1]", tests: "assert rev('ab') == 'ba'", verdict: "exception" },
    { language: "py", part: "ds3", score: 5, instruction: "E2E py-3: count vowels.", solution: "def vowels(s):\n    return sum(c in 'aeiou' for c in s)", tests: "assert vowels('banana') == 3" },
    { language: "java", part: "ds1", score: 3, instruction: "E2E java-1: print hello.", solution: 'System.out.println("hello");' },
    { language: "js", part: "ds3", score: 4.5, instruction: "E2E js-1: negate.", solution: "const neg = (x) => -x;" },
  ]);
});

test("curate samples with the keyboard in Monaco, then export them", async ({ page }) => {
  const offsite: string[] = [];
  page.on("request", (r) => { if (!r.url().startsWith(process.env.E2E_BASE_URL!)) offsite.push(r.url()); });

  await page.goto("/samples");
  await expect(page.getByRole("heading", { name: "Samples", exact: true })).toBeVisible();
  await page.getByLabel("Run", { exact: true }).selectOption({ label: RUN });
  await expect(page.getByTestId("sample-total")).toHaveText("5 samples");
  await page.getByLabel("Language", { exact: true }).selectOption("py");
  await expect(page).toHaveURL(/language=py/);
  await expect(page.getByTestId("sample-total")).toHaveText("3 samples");
  await expect(row(page, 0)).toContainText("E2E py-3");

  // The sample view shows the code in Monaco with Python highlighting.
  const solution = page.getByTestId("editor-solution");
  await expect(solution.locator(".monaco-editor")).toBeVisible();
  await expect(solution.locator(".view-lines")).toContainText("def vowels");
  expect(await solution.locator(".view-line span[class^='mtk']").evaluateAll((els) => new Set(els.map((e) => e.className)).size)).toBeGreaterThan(1);
  await page.screenshot({ path: "test-results/screens/samples.png", fullPage: true });

  // a accepts and moves on, r rejects and moves on, k goes back, j forward.
  await page.getByRole("heading", { name: "Samples", exact: true }).click();
  await page.keyboard.press("a");
  await expect(row(page, 0).getByTestId("row-curation")).toHaveText("accepted");
  await expect(row(page, 1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("r");
  await expect(row(page, 1).getByTestId("row-curation")).toHaveText("rejected");
  await expect(row(page, 2)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("k");
  await expect(row(page, 1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("j");
  await expect(page.getByTestId("sample-view")).toContainText("E2E py-1");

  // e edits in Monaco, Ctrl+S saves a revision.
  await page.keyboard.press("e");
  await expect(solution).toHaveAttribute("data-readonly", "false");
  await solution.locator(".view-lines").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("# checked by a reviewer");
  await page.screenshot({ path: "test-results/screens/sample-editing.png", fullPage: true });
  await page.keyboard.press("Control+s");
  await expect(page.getByTestId("sample-notice")).toHaveText("Saved as revision 1.");
  await expect(row(page, 2).getByTestId("row-curation")).toHaveText("edited");
  await expect(page.getByTestId("revisions").locator("li")).toHaveCount(2);
  await expect(solution).toHaveAttribute("data-readonly", "true");

  // "Run again" executes the edited code with its tests in the sandbox and shows the verdict.
  await page.getByRole("button", { name: "Run again" }).click();
  await expect(page.getByTestId("sample-notice")).toHaveText("Executed.", { timeout: 30_000 });
  await expect(page.getByTestId("execution")).toContainText("ok");

  // The decisions survive a reload (they are in the database, not only on the page).
  await page.reload();
  await expect(row(page, 0).getByTestId("row-curation")).toHaveText("accepted");
  await expect(row(page, 1).getByTestId("row-curation")).toHaveText("rejected");
  await expect(row(page, 2).getByTestId("row-curation")).toHaveText("edited");

  // Export: accepted and edited samples of the selection, as chat JSONL.
  await page.getByLabel("Format").selectOption("sft");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const result = page.getByTestId("export-result");
  await expect(result).toContainText("2 samples");
  // Decontamination runs when benchmark files exist under the data dir (the corpora e2e adds some); none of these samples copy a benchmark.
  await expect(result).toContainText(/Decontamination: (not configured|0 of 2 removed)/);
  await page.screenshot({ path: "test-results/screens/samples-export.png", fullPage: true });
  const href = await result.getByRole("link", { name: /train-00000-of-00001\.jsonl/ }).getAttribute("href");
  const lines = (await (await page.request.get(href!)).text()).trim().split("\n").map((l) => JSON.parse(l));
  expect(lines.map((l) => l.messages[0].content).sort()).toEqual(["E2E py-1: return the sum of a list.", "E2E py-3: count vowels."]);
  const edited = lines.find((l) => l.messages[0].content.startsWith("E2E py-1"));
  expect(edited.messages[1].content).toMatch(/^```python\ndef total\(xs\):\n    return sum\(xs\)\n\s*# checked by a reviewer\n```$/);
  const card = await (await page.request.get(href!.replace(/data\/train-00000-of-00001\.jsonl$/, "README.md"))).text();
  expect(card).toMatch(/^---\nconfigs:/);
  expect(card).toContain("num_examples: 2");

  expect(offsite).toEqual([]); // Monaco and its worker come from the app, not a CDN
});

test("charts of a run's samples", async ({ page }) => {
  await page.goto("/samples");
  await page.getByLabel("Run", { exact: true }).selectOption({ label: RUN });
  await expect(page.getByTestId("sample-total")).toHaveText("5 samples");
  await page.getByRole("link", { name: /Charts of this selection/ }).click();
  await expect(page.getByTestId("charts-total")).toContainText("5 samples");
  for (const id of ["chart-languages", "chart-parts", "chart-scores", "chart-lengths"]) {
    await expect(page.getByTestId(id).locator(".recharts-bar-rectangle").first()).toBeVisible();
  }
  await expect(page.getByTestId("chart-languages")).toContainText("Python");
  await expect(page.getByTestId("chart-languages").locator(".recharts-legend-item")).toHaveCount(4); // Ds1..Ds4
  await expect(page.getByTestId("chart-pass-rate")).toContainText("Python");
  await page.screenshot({ path: "test-results/screens/sample-charts.png", fullPage: true });
});

test("an invalid score range is a field error: the rows, the selection and the bulk actions stay on the last valid filter", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/samples");
  await page.getByLabel("Run", { exact: true }).selectOption({ label: RUN });
  await page.getByLabel("Language", { exact: true }).selectOption("py");
  await page.getByLabel("Max score").fill("5");
  await expect(page).toHaveURL(/maxScore=5/);
  await expect(page.getByTestId("sample-total")).toHaveText("3 samples");
  const url = page.url();
  const runId = new URL(url).searchParams.get("runId")!;
  await row(page, 1).getByRole("checkbox", { name: "select sample" }).check();
  await expect(page.getByTestId("checked-count")).toHaveText("1 selected");

  await page.getByLabel("Min score").fill("9");
  await expect(page.getByTestId("filter-error-minScore")).toHaveText("must not be above maxScore");
  await expect(page.getByLabel("Min score")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText('"code"')).toHaveCount(0); // no raw validation dump
  // nothing else moved: the controls, the rows, the selection, the address
  await expect(page.getByLabel("Run", { exact: true })).toHaveValue(runId);
  await expect(page.getByLabel("Language", { exact: true })).toHaveValue("py");
  await expect(page.getByTestId("sample-total")).toHaveText("3 samples");
  await expect(page.getByTestId("sample-row")).toHaveCount(3);
  await expect(page.getByTestId("checked-count")).toHaveText("1 selected");
  expect(page.url()).toBe(url);
  await page.getByRole("button", { name: "Clear" }).click();
  // "Accept all" never acts on a filter that does not read
  await expect(page.getByRole("button", { name: "Accept all" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Reject all" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Export", exact: true })).toBeDisabled();
  await page.screenshot({ path: "test-results/screens/samples-invalid-range.png", fullPage: true });

  // fixed, it applies
  await page.getByLabel("Min score").fill("4.5");
  await expect(page.getByTestId("filter-error-minScore")).toHaveCount(0);
  await expect(page.getByTestId("sample-total")).toHaveText("1 samples");
  await expect(page.getByRole("button", { name: "Accept all" })).toBeEnabled();

  // opened from an address that does not read: nothing listed (not every sample), the field marked
  await page.goto(`/samples?runId=${runId}&part=ds3&minScore=9&maxScore=2`);
  await expect(page.getByTestId("filter-error-minScore")).toHaveText("must not be above maxScore");
  await expect(page.getByLabel("Run", { exact: true })).toHaveValue(runId);
  await expect(page.getByLabel("Part", { exact: true })).toHaveValue("ds3");
  await expect(page.getByTestId("sample-total")).toHaveText("no samples listed: fix the filters");
  await expect(page.getByTestId("sample-row")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Accept all" })).toBeDisabled();
  expect(errors).toEqual([]);
});

test("changing a filter twice quickly shows the second filter's rows, even when the first answer is slower", async ({ page }) => {
  await page.goto("/samples");
  await page.getByLabel("Run", { exact: true }).selectOption({ label: RUN });
  await expect(page.getByTestId("sample-total")).toHaveText("5 samples");
  // the first filter's answer is held back; the second's comes at once
  await page.route(/\/api\/samples\?.*language=java/, async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue().catch(() => undefined); // aborted by the page by then
  });
  await page.getByLabel("Language", { exact: true }).selectOption("java");
  await page.getByLabel("Language", { exact: true }).selectOption("js");
  await expect(page.getByTestId("sample-total")).toHaveText("1 samples");
  await expect(row(page, 0)).toContainText("E2E js-1");
  await page.waitForTimeout(1200); // past the held-back answer
  await expect(page.getByTestId("sample-row")).toHaveCount(1);
  await expect(row(page, 0)).toContainText("E2E js-1");
  await expect(page).toHaveURL(/language=js/);
});
