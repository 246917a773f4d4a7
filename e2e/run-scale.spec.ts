import { expect, test } from "@playwright/test";
import { spawnSync } from "node:child_process";
import path from "node:path";

// A run as large as real ones get (520 agents, 300 discussions): the run page stays a bounded
// page, an agent is found by searching, and the oldest discussions are reachable.
const root = path.resolve(import.meta.dirname, "..");
const RUN = `e2e-large-run-${Date.now()}`;

function seedLargeRun(): string {
  const { DATABASE_URL: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/seed-large-run.ts", RUN], {
    cwd: root,
    env: { ...env, DATA_DIR: path.join(root, ".e2e-data", "open") },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split("\n").at(-1)!;
}

test("a 520-agent run page is bounded, finds an agent by search and reaches its oldest discussions", async ({ page }) => {
  test.setTimeout(120_000);
  const runId = seedLargeRun();
  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("heading", { name: RUN })).toBeVisible();

  // one page of agents, not 520 rows
  const agents = page.getByTestId("agents");
  await expect(agents.locator("tbody tr")).toHaveCount(25);
  await expect(page.getByTestId("agents-pager-range")).toHaveText("1–25 of 520 · page 1 of 21");
  await expect(agents).not.toContainText("agent:py:404");
  await page.getByTestId("agents-pager").getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("agents-pager-range")).toHaveText("26–50 of 520 · page 2 of 21");

  // no rate from progress a few ms apart
  await expect(page.getByTestId("sample-rate")).toHaveText("—");

  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(8000);
  await page.screenshot({ path: "test-results/screens/run-large.png", fullPage: true });

  // search finds an agent by part of its id; language and score narrow the table
  await page.getByLabel("Agents: agent").fill("PY:404");
  await page.getByRole("form", { name: "Search Agents" }).getByRole("button", { name: "Search" }).click();
  await expect(agents.locator("tbody tr")).toHaveCount(1);
  await expect(agents.locator("tbody tr")).toContainText("agent:py:404");
  await expect(agents.locator("tbody tr td").nth(4)).toHaveText("5.00");
  await agents.getByRole("link", { name: "agent:py:404" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/agents/agent%3Apy%3A404$`));
  await page.goBack();
  await page.getByLabel("Agents: agent").fill("");
  await page.getByLabel("Agents: language").selectOption("java");
  await page.getByLabel("Agents: minimum score").fill("5");
  await page.getByRole("form", { name: "Search Agents" }).getByRole("button", { name: "Search" }).click();
  // java agents are i ≡ 1 (mod 4), best score 5 when i ≡ 4 (mod 5): i ≡ 9 (mod 20), 26 of them below 520
  await expect(page.getByTestId("agents-pager-range")).toHaveText("1–25 of 26 · page 1 of 2");
  await page.getByLabel("Agents: minimum score").fill("lots");
  await page.getByRole("form", { name: "Search Agents" }).getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("form", { name: "Search Agents" }).getByRole("alert")).toHaveText("Minimum score: a number from 0 to 10.");

  // every discussion is reachable: the last page holds the oldest, d0, and opens its conversation
  const discussions = page.getByTestId("discussions");
  await expect(discussions.getByTestId("discussion-row").first()).toHaveAttribute("data-discussion-row", "d299");
  await expect(page.getByTestId("discussions-pager-range")).toHaveText("1–20 of 300 · page 1 of 15");
  for (let p = 2; p <= 15; p++) {
    await page.getByTestId("discussions-pager").getByRole("button", { name: "Next" }).click();
    await expect(page.getByTestId("discussions-pager-range")).toContainText(`page ${p} of 15`);
  }
  await expect(discussions.getByTestId("discussion-row").last()).toHaveAttribute("data-discussion-row", "d0");
  await discussions.getByRole("button", { name: "▸ d0" }).click();
  await expect(page.getByTestId("discussion-detail").locator("[data-kind=synthesis]")).toContainText("Discussion d0: write a py function");
  await expect(page.getByTestId("discussion-detail").locator("[data-kind=score]")).toContainText("score 1.00/5");

  // discussions searched by agent: agent:cpp:218 took part in d217 and d218 only
  await page.getByLabel("Discussions: agent").fill("agent:cpp:218");
  await page.getByRole("form", { name: "Search Discussions" }).getByRole("button", { name: "Search" }).click();
  await expect(discussions.getByTestId("discussion-row")).toHaveCount(2);
  expect(await discussions.getByTestId("discussion-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-discussion-row")))).toEqual(["d218", "d217"]);
});
