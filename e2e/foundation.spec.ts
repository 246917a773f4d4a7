import { expect, test } from "@playwright/test";

test("navigation shows every section with an honest empty state", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  for (const [link, heading] of [["Corpora", "Corpora"], ["Runs", "Generation runs"], ["Samples", "Samples"], ["Training", "Training"], ["Evaluations", "Evaluations"], ["Compare", "Compare"], ["Settings", "Settings"]]) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    await page.screenshot({ path: `test-results/screens/${link.toLowerCase()}.png` });
  }
});

test("a demo job started in the browser shows a live progress bar that reaches done", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Start demo job" }).click();
  await expect(page).toHaveURL(/\/jobs\/[a-z0-9]+$/);
  const bar = page.getByTestId("job-progress");
  // The bar moves through intermediate values before it completes.
  await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow")), { timeout: 30_000 }).toBeGreaterThan(0);
  const mid = Number(await bar.getAttribute("aria-valuenow"));
  expect(mid).toBeLessThan(100);
  await expect(page.getByTestId("job-status")).toHaveText("succeeded", { timeout: 30_000 });
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("job-events")).toContainText("end");
  // The jobs list links each job to its page and says how long it took.
  await page.goto("/jobs?status=succeeded");
  await expect(page.getByTestId("jobs").getByRole("row").filter({ hasText: "demo.progress" }).first()).toContainText(/\d+(\.\d)? s/);
  await page.goBack();
  await page.screenshot({ path: "test-results/screens/job-done.png" });
  // After a reload the finished job is shown from the stored events.
  await page.reload();
  await expect(page.getByTestId("job-status")).toHaveText("succeeded");
});

test("an API key saved in Settings comes back only masked", async ({ page }) => {
  await page.goto("/settings");
  await page.getByLabel("Name", { exact: true }).fill("e2e-openai");
  await page.getByLabel("Provider", { exact: true }).selectOption("openai");
  await page.getByLabel("Model", { exact: true }).fill("gpt-4o-mini");
  await page.getByLabel("API key", { exact: true }).fill("sk-e2e-super-secret-key-9876");
  await page.getByRole("button", { name: "Save endpoint" }).click();
  await expect(page.getByTestId("key-e2e-openai")).toHaveText("sk-…9876");
  await page.reload();
  await expect(page.getByTestId("key-e2e-openai")).toHaveText("sk-…9876");
  expect(await page.content()).not.toContain("super-secret");
  const api = await page.request.get("/api/settings/endpoints");
  expect(await api.text()).not.toContain("super-secret");

  // Editing keeps the stored key when the key field is left empty; deleting asks first.
  await page.getByRole("button", { name: "Edit e2e-openai" }).click();
  await page.getByLabel("Max concurrency", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Save changes" }).click();
  const row = page.getByTestId("endpoints").getByRole("row").filter({ hasText: "e2e-openai" });
  await expect(row.getByRole("cell").nth(5)).toHaveText("3");
  await expect(page.getByTestId("key-e2e-openai")).toHaveText("sk-…9876");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete e2e-openai" }).click();
  await expect(page.getByTestId("key-e2e-openai")).toHaveCount(0);
});

test("on a phone every section fits the screen and the navigation stays reachable", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/", "/corpora", "/training", "/training/new", "/jobs", "/settings"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), path).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeInViewport();
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Jobs", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/jobs-mobile.png" });
});

test("unknown records get a 404 page and API errors are JSON", async ({ page, request }) => {
  const res = await page.goto("/jobs/does-not-exist");
  expect(res?.status()).toBe(404);
  await expect(page.getByText("Not found")).toBeVisible();
  const api = await request.post("/api/jobs", { data: Buffer.from("{oops"), headers: { "content-type": "application/json" } });
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe("invalid:json");
});
