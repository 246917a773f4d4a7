import { expect, test } from "@playwright/test";
import { spawnFlawedServer, type SpawnedFlawedServer } from "../lib/llm/testing/spawn-flawed-server";

// A run against a model server that answers like real ones (older llama.cpp: no json_schema;
// long reasoning that runs past the token limit; code in fences), then its model calls on the
// run page: each answer as the model sent it, filtered by outcome.
const ENDPOINT = `flawed-${Date.now()}`;
let server: SpawnedFlawedServer;

test.beforeAll(async ({ request }) => {
  server = await spawnFlawedServer({ seed: 2, rejectJsonSchema: true, verboseTokens: 1_200, rates: { cutOff: 0.4, fencedCode: 0.5, fencedJson: 0.3 } });
  const res = await request.post("/api/settings/endpoints", { data: { name: ENDPOINT, provider: "openai-compatible", baseUrl: server.url, model: "flawed-coder" } });
  expect(res.ok(), await res.text()).toBe(true);
});

test.afterAll(async () => {
  await server?.close();
});

test("a run on a flawed server succeeds, and its calls show the raw answers by outcome", async ({ page, request }) => {
  const role = { endpoint: ENDPOINT, maxOutputTokens: 1024 };
  const res = await request.post("/api/runs", {
    data: {
      name: `e2e-real-models-${Date.now()}`,
      snippets: [
        { content: "def sum_evens(xs):\n    return sum(x for x in xs if x % 2 == 0)\n", language: "py", path: "a.py" },
        { content: "def is_palindrome(s):\n    t = [c.lower() for c in s if c.isalnum()]\n    return t == t[::-1]\n", language: "py", path: "b.py" },
      ],
      config: { languages: ["py"], targets: { ds3Samples: 0 }, models: { iGenerator: role, rGenerator: role, scorer: role, discussion: role } },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { run } = await res.json();
  await expect.poll(async () => (await (await request.get(`/api/runs/${run.id}`)).json()).run.status, { timeout: 90_000 }).toBe("succeeded");

  await page.goto(`/runs/${run.id}`);
  await expect(page.getByTestId("run-status")).toBeVisible();
  await expect(page.getByTestId("demo-notice")).toHaveCount(0); // a real server's run is not called a demo
  const panel = page.getByTestId("model-calls");
  await panel.getByLabel("Call outcome").selectOption("format-refused");
  await panel.getByRole("button", { name: "Show calls" }).click();
  const refused = panel.getByTestId("model-call");
  await expect(refused.first()).toHaveAttribute("data-outcome", "format-refused");
  await refused.first().locator("summary").click();
  await expect(refused.first()).toContainText("refused response_format json_schema");

  await panel.getByLabel("Call outcome").selectOption("cut-off");
  await panel.getByRole("button", { name: "Show calls" }).click();
  const cut = panel.locator('[data-testid="model-call"][data-outcome="cut-off"]');
  await expect(cut.first()).toBeVisible();
  await expect(panel.locator('[data-testid="model-call"]:not([data-outcome="cut-off"])')).toHaveCount(0);
  await cut.first().locator("summary").click();
  await expect(cut.first().getByTestId("model-call-text")).toContainText("<think>");
  await expect(cut.first()).toContainText("max 1024 tokens");

  // the samples hold the code alone
  const samples = await (await request.get(`/api/runs/${run.id}/samples?limit=50`)).json();
  const rows = samples.samples as { solution: string }[];
  expect(rows.length).toBeGreaterThan(0);
  for (const s of rows) expect(s.solution).not.toContain("```");
});
