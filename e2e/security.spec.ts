import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { assembleMultiplE } from "../lib/evals/assemble";

// The security issue against the built app: headers and a CSP the pages work under, drive-by
// requests and a foreign Host refused by the real server, a 20 MB evaluation import arriving whole.
const root = path.resolve(import.meta.dirname, "..");
const BASE = process.env.E2E_BASE_URL!;
const RUN = `e2e-security-${Date.now()}`;

/** A raw HTTP request with the headers a browser or a rebinding page would send (fetch cannot set Host). */
function raw(method: string, p: string, headers: Record<string, string>, body = ""): Promise<{ status: number; text: string }> {
  const url = new URL(p, BASE);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => { if (m.type() === "error" && /Content Security Policy|Refused to (load|execute|apply|create|connect|frame)/i.test(m.text())) violations.push(m.text()); });
  void page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`)));
  return violations;
}

test("security headers on every page, and the dashboard, Monaco and charts work under the CSP", async ({ page }) => {
  test.setTimeout(180_000);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "xi-e2e-sec-")), "samples.jsonl");
  writeFileSync(file, JSON.stringify({ language: "py", part: "ds1", score: 4, instruction: "E2E security: add two numbers.", solution: "def add(a, b):\n    return a + b", tests: "assert add(1, 2) == 3", verdict: "ok" }));
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, [path.join(root, "bin/xinstruct.mjs"), "samples", "import", file, "--run", RUN], { cwd: root, env: { ...env, DATA_DIR: path.join(root, ".e2e-data", "open") }, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);

  const violations = watchCsp(page);
  const res = await page.goto("/");
  const h = res!.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).toContain("default-src 'self'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");

  await page.goto("/samples");
  await page.getByLabel("Run", { exact: true }).selectOption({ label: RUN });
  const solution = page.getByTestId("editor-solution");
  await expect(solution.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await expect(solution.locator(".view-lines")).toContainText("def add");
  // Monaco's highlighting runs (its worker and styles were allowed).
  expect(await solution.locator(".view-line span[class^='mtk']").evaluateAll((els) => new Set(els.map((e) => e.className)).size)).toBeGreaterThan(1);
  await page.getByRole("link", { name: /Charts of this selection/ }).click();
  await expect(page.locator(".recharts-surface").first()).toBeVisible({ timeout: 30_000 });
  await page.goto("/compare");
  await page.goto("/training");
  await page.screenshot({ path: "test-results/screens/security-csp.png" });
  expect(violations).toEqual([]);
});

test("the real server refuses a cross-site text/plain POST and a foreign Host; its own pages still work", async ({ request }) => {
  const before = (await (await request.get("/api/jobs")).json()).jobs.length;
  const body = JSON.stringify({ type: "demo.progress", payload: { steps: 1 } });
  const crossSite = await raw("POST", "/api/jobs", { origin: "http://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" }, body);
  expect(crossSite.status).toBe(403);
  expect(crossSite.text).toContain("forbidden:cross_origin");
  const oldBrowser = await raw("POST", "/api/jobs", { origin: "http://evil.example", "content-type": "text/plain" }, body);
  expect(oldBrowser.status).toBe(403);
  expect((await (await request.get("/api/jobs")).json()).jobs.length).toBe(before);

  const rebound = await raw("GET", "/api/settings/endpoints", { host: `evil.example:${new URL(BASE).port}` });
  expect(rebound.status).toBe(403);
  expect(rebound.text).toContain("does not serve the host");
  expect((await raw("GET", "/", { host: "evil.example" })).status).toBe(403);

  const own = await raw("POST", "/api/jobs", { origin: BASE, "sec-fetch-site": "same-origin", "content-type": "application/json" }, body);
  expect(own.status).toBe(201);
});

test("a 20 MB evaluation import arrives whole (no proxy cut at 10 MB)", async ({ request }) => {
  test.setTimeout(120_000);
  const bench = path.resolve(root, "../shared/benchmarks/multipl-e");
  const p = JSON.parse(readFileSync(`${bench}/humaneval-py.jsonl`, "utf8").split("\n")[0]);
  const completion = readFileSync(`${bench}/humaneval-py-canonical-completions.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).find((c) => c.name === p.name).completion;
  // One evaluated sample whose recorded output is 20 MB: cut anywhere, the file is not JSON.
  const results = {
    name: p.name, language: p.language, prompt: p.prompt, tests: p.tests, stop_tokens: p.stop_tokens, temperature: 0.2, top_p: 0.95, max_tokens: 512,
    results: [{ program: assembleMultiplE(p.prompt, completion, p.stop_tokens, p.tests), stdout: "x".repeat(20 * 1024 * 1024), stderr: "", exit_code: 0, status: "OK", timestamp: 1700000000 }],
  };
  const buffer = Buffer.from(JSON.stringify(results));
  expect(buffer.length).toBeGreaterThan(20 * 1024 * 1024);
  const res = await request.post("/api/evaluations/import", {
    multipart: { format: "multipl-e", model: "big-import", name: "20 MB import", files: { name: `${p.name}.results.json`, mimeType: "application/json", buffer } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).evaluation.id as string;
  await expect.poll(async () => (await (await request.get(`/api/evaluations/${id}`)).json()).evaluation.status, { timeout: 90_000 }).toBe("succeeded");
});

test("signing out in the browser revokes the session: a saved copy of the cookie no longer works", async ({ page, context }) => {
  const AUTH = process.env.E2E_AUTH_URL!;
  await page.goto(`${AUTH}/login?next=${encodeURIComponent("/\\evil.example")}`);
  await page.getByLabel("Admin password").fill("e2e-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${AUTH}/`); // not evil.example
  const saved = (await context.cookies(AUTH)).find((c) => c.name === "xi_session")!;
  expect(saved).toBeTruthy();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies([saved]);
  expect((await page.request.get(`${AUTH}/api/jobs`)).status()).toBe(401);
  await page.goto(`${AUTH}/settings`);
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings/);
});
