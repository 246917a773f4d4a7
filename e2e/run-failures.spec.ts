import { expect, test } from "@playwright/test";
import http from "node:http";
import type { AddressInfo } from "node:net";

// A run against a model server that refuses every call: the run page says it failed, why, and
// counts the failed steps by cause. The server is this spec's, on 127.0.0.1; the app's worker calls it.
const RUN = `e2e-refused-${Date.now()}`;
const ENDPOINT = `refusing-${Date.now()}`;
let server: http.Server;
let requests = 0;

test.beforeAll(async ({ request }) => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      // it lists its model as real servers do (the app checks that before a run starts), then refuses every call
      if (req.method === "GET" && req.url === "/v1/models") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data: [{ id: "some-model", object: "model" }] }));
        return;
      }
      requests++;
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "response_format is not supported by this server", type: "invalid_request_error" } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const res = await request.post("/api/settings/endpoints", { data: { name: ENDPOINT, provider: "openai-compatible", model: "some-model", baseUrl: `http://127.0.0.1:${port}/v1` } });
  expect(res.ok(), await res.text()).toBe(true);
});

test.afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

test("a run whose every model call is refused ends failed, with the cause in words and the failed steps counted by cause", async ({ page, request }) => {
  test.setTimeout(120_000);
  const snippets = [
    { content: "def mean(xs):\n    return sum(xs) / len(xs)\n", language: "py", path: "a.py" },
    { content: "function words(s) { return s.split(/\\s+/).filter(Boolean); }\n", language: "js", path: "b.js" },
  ];
  const roles = { iGenerator: { endpoint: ENDPOINT }, rGenerator: { endpoint: ENDPOINT }, scorer: { endpoint: ENDPOINT }, discussion: { endpoint: ENDPOINT } };
  const created = await request.post("/api/runs", { data: { name: RUN, snippets, config: { languages: ["py", "js"], targets: { ds3Samples: 4 }, models: roles } } });
  expect(created.status(), await created.text()).toBe(201);
  const runId = (await created.json()).run.id as string;
  await expect.poll(async () => (await (await request.get(`/api/runs/${runId}`)).json()).run.status, { timeout: 90_000 }).toBe("failed");
  expect(requests).toBeGreaterThan(0);

  await page.goto(`/runs/${runId}`);
  await expect(page.getByTestId("run-status")).toHaveText("failed");
  await expect(page.locator("p.error")).toContainText(/All \d+ steps failed \(\d+ of \d+ model calls failed\): the server rejected response_format \(400\)/);
  const causes = page.getByTestId("run-failure-causes");
  await expect(causes).toBeVisible();
  const row = causes.locator('tr[data-cause="response-format:400"]');
  await expect(row.locator("td").first()).toHaveText("the server rejected response_format (400)");
  await expect(row.locator("td").nth(1)).toHaveText(/^[1-9]\d*$/);
  await expect(row).toContainText("response_format is not supported by this server");
  await page.screenshot({ path: "test-results/e2e/run-failure-causes.png", fullPage: true });

  // the runs list says so too
  await page.goto("/runs");
  await expect(page.getByRole("row", { name: new RegExp(RUN) }).locator(".badge")).toHaveText("failed");
});
