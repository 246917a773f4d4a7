import { expect, test, type APIRequestContext } from "@playwright/test";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";
import { MULTIPLE_LANGUAGES } from "../lib/domain/language-names";

// A run made from the form with the scripted demo model (a Settings endpoint), watched live.
const CORPUS = `e2e-runs-corpus-${Date.now()}`;
const RUN = `e2e-run-${Date.now()}`;

const FILES: Record<string, string> = {
  "py/stats.py": "def mean(xs):\n    \"\"\"Arithmetic mean of a non-empty list.\"\"\"\n    return sum(xs) / len(xs)\n\n\ndef median(xs):\n    s = sorted(xs)\n    n = len(s)\n    mid = n // 2\n    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2\n",
  "py/words.py": "from collections import Counter\n\n\ndef top_words(text, k):\n    counts = Counter(w.lower() for w in text.split())\n    return [w for w, _ in counts.most_common(k)]\n",
  "java/Stack.java": "import java.util.ArrayList;\n\npublic class Stack<T> {\n    private final ArrayList<T> items = new ArrayList<>();\n\n    public void push(T x) { items.add(x); }\n\n    public T pop() {\n        if (items.isEmpty()) throw new IllegalStateException(\"empty\");\n        return items.remove(items.size() - 1);\n    }\n\n    public boolean isEmpty() { return items.isEmpty(); }\n}\n",
  "java/Gcd.java": "public class Gcd {\n    public static long gcd(long a, long b) {\n        while (b != 0) {\n            long t = a % b;\n            a = b;\n            b = t;\n        }\n        return Math.abs(a);\n    }\n}\n",
};

async function readyCorpus(request: APIRequestContext): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-e2e-runs-"));
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  const res = await request.post("/api/corpora", { data: { name: CORPUS, source: dir } });
  expect(res.status(), await res.text()).toBe(201);
  const { corpus } = await res.json();
  await expect.poll(async () => (await (await request.get(`/api/corpora/${corpus.id}`)).json()).corpus.status, { timeout: 60_000 }).toBe("ready");
}

test.beforeAll(async ({ request }) => {
  const res = await request.post("/api/settings/endpoints", { data: { name: "demo-model", provider: "scripted", model: "xinstruct-scripted-v1" } });
  expect(res.ok(), await res.text()).toBe(true);
  await readyCorpus(request);
});

test("create a run from the form, watch discussions live, inspect an agent's memory, pause and resume", async ({ page, request }) => {
  test.setTimeout(240_000);
  await page.goto("/runs/new");
  await expect(page.getByRole("heading", { name: "New generation run" })).toBeVisible();
  // the paper's defaults come from the run config schema
  await expect(page.getByLabel("Discussion mode")).toHaveValue("centralized");
  await expect(page.getByLabel("Similarity threshold")).toHaveValue("0.7");

  await page.getByLabel("Name", { exact: true }).fill(RUN);
  await page.getByLabel("Corpus", { exact: true }).selectOption({ label: CORPUS });
  await page.getByLabel("Languages", { exact: true }).fill("py, java, cpp");
  for (const role of ["Instruction generator", "Response generator", "Scorer", "Discussion agents"]) await page.getByLabel(`${role} model`).selectOption("demo-model");

  // client-side validation with the schema's rules, in words
  await page.getByLabel("Memory capacity T").fill("0");
  await page.getByLabel("Group size").fill("many");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Fix the fields marked below.");
  await expect(page.locator("label", { hasText: "Memory capacity T" }).getByRole("alert")).toContainText("Must be >=1");
  await expect(page.locator("label", { hasText: "Group size" }).getByRole("alert")).toHaveText("Enter a number.");
  await expect(page).toHaveURL(/\/runs\/new$/);
  await page.getByLabel("Memory capacity T").fill("4");
  await page.getByLabel("Group size").fill("2");
  await page.getByLabel("Ds3 samples").fill("400");
  // agents per language: blank is the paper's one agent per seed; 0 is refused, 2 is kept
  await expect(page.getByLabel("Agents per language")).toHaveValue("");
  await page.getByLabel("Agents per language").fill("0");
  await expect(page.locator("label", { hasText: "Agents per language" }).getByRole("alert")).toContainText("Must be >=1");
  await page.getByLabel("Agents per language").fill("2");

  // operations: a built-in one dropped, a custom one added
  await page.getByLabel("breadth", { exact: true }).uncheck();
  await page.getByLabel("Custom operations").fill("use-generics: Make the solution generic over its element type.");

  // save as config: the YAML the CLI takes, with the form's values
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save as config" }).click()]);
  const yaml = await download.path().then((p) => import("node:fs").then((fs) => fs.readFileSync(p!, "utf8")));
  expect(yaml).toMatch(/capacity: 4\b/);
  expect(yaml).toMatch(/groupSize: 2\b/);
  expect(yaml).toContain("endpoint: demo-model");
  expect(yaml).toContain("id: use-generics");
  expect(yaml).toMatch(/perLanguage: 2\b/);
  expect(yaml).not.toContain("id: breadth");
  // load config: a broken file is refused with its line
  await page.getByLabel("Config file").setInputFiles({ name: "bad.yaml", mimeType: "application/yaml", buffer: Buffer.from("seed: 1\ndiscussion:\n  groupSize: 99\n") });
  await expect(page.getByTestId("form-error")).toContainText("discussion.groupSize (line 3)");
  // the saved file loads back; it gains a paced copy of the scripted model for the discussions and
  // the scorer so that the run lasts long enough to watch and pause (the plain one answers at once)
  const paced = parse(yaml);
  paced.models.endpoints.push({ name: "demo-paced", provider: "scripted", model: "xinstruct-scripted-v1", concurrency: 2, scripted: { latencyMs: 150 } });
  paced.models.discussion.endpoint = "demo-paced";
  paced.models.scorer.endpoint = "demo-paced";
  await page.getByLabel("Config file").setInputFiles({ name: "paced.yaml", mimeType: "application/yaml", buffer: Buffer.from(stringify(paced)) });
  await expect(page.getByTestId("form-notice")).toHaveText("Loaded paced.yaml.");
  await expect(page.getByTestId("form-error")).toHaveCount(0);
  await expect(page.getByLabel("Discussion agents model")).toHaveValue("demo-paced");
  await expect(page.getByLabel("Instruction generator model")).toHaveValue("demo-model");
  await expect(page.getByLabel("Memory capacity T")).toHaveValue("4");
  await expect(page.getByLabel("Agents per language")).toHaveValue("2");
  await expect(page.getByLabel("Custom operations")).toHaveValue("use-generics: Make the solution generic over its element type.");
  await expect(page.getByLabel("breadth", { exact: true })).not.toBeChecked();
  await expect(page.getByLabel("Languages", { exact: true })).toHaveValue("py, java, cpp");
  await page.screenshot({ path: "test-results/screens/run-new.png", fullPage: true });

  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page).toHaveURL(/\/runs\/(?!new$)[^/]+$/, { timeout: 30_000 });
  const runId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: RUN })).toBeVisible();
  await expect(page.getByTestId("run-summary")).toContainText("2 agents per language");
  // a run on the demo model says plainly what its answers are
  await expect(page.getByTestId("demo-notice")).toContainText("offline demo model");

  // discussions arrive without a reload
  const messages = page.getByTestId("discussion-message");
  const received = async () => Number((await page.getByTestId("message-count").textContent())?.split(" ")[0]);
  await expect(messages.first()).toBeVisible({ timeout: 120_000 });
  const first = await received();
  await expect.poll(received, { timeout: 60_000 }).toBeGreaterThan(first);
  await expect(page.getByTestId("conversation").first().locator("[data-kind=synthesis]")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("conversation").first().locator("[data-kind=score]")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("language-counts")).toContainText("Python");
  await page.screenshot({ path: "test-results/screens/run-live.png", fullPage: true });

  // a reload mid-run opens from the server's snapshot: the earlier messages are there at once
  // (server-rendered, no replay of the stream), and new ones keep arriving from where it left off
  const beforeReload = await received();
  const newest = await page.getByTestId("conversation").first().getAttribute("data-discussion");
  await page.reload({ waitUntil: "commit" });
  await page.waitForSelector('[data-testid="message-count"]');
  expect(await received()).toBeGreaterThanOrEqual(beforeReload);
  await expect(page.getByTestId("run-status")).toHaveText("running");
  await expect(page.locator(`[data-discussion="${newest}"]`)).toBeVisible();
  const afterReload = await received();
  await expect.poll(received, { timeout: 60_000 }).toBeGreaterThan(afterReload);
  await expect(page.getByTestId("stream-state")).toHaveText("live");
  // the agents: at most 2 per language, and 2 where the language has enough accepted seeds
  await expect(page.getByTestId("agents")).toBeVisible();
  const agentLanguages = await page.getByTestId("agents").locator("tbody tr td:nth-child(2)").allTextContents();
  const perLanguage = Object.values(agentLanguages.reduce<Record<string, number>>((m, l) => ({ ...m, [l]: (m[l] ?? 0) + 1 }), {}));
  expect(Math.max(...perLanguage)).toBe(2);

  // pause: the worker stops, the view says so; a reload keeps the stream
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByTestId("run-status")).toHaveText("paused", { timeout: 60_000 });
  await page.waitForTimeout(500);
  const seen = await received();
  await page.reload();
  await expect.poll(received, { timeout: 30_000 }).toBe(seen);
  await expect(messages.first()).toBeVisible();
  await expect(page.getByTestId("run-status")).toHaveText("paused");
  await page.screenshot({ path: "test-results/screens/run-paused.png", fullPage: true });

  // an agent's memory queue, ordered by score
  await page.getByTestId("agents").getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/agents/`));
  await expect(page.getByTestId("memory-row").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("memory-used")).toContainText("/ 4 used");
  const scores = (await page.getByTestId("memory-score").allTextContents()).map(Number);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await expect(page.getByTestId("agent-operations")).toContainText("increase-difficulty");
  // it opens from the agent's snapshot: the server-rendered page, before any event arrives, already holds the queue
  const html = await (await request.get(page.url())).text();
  expect(html.match(/data-testid="memory-row"/g)?.length).toBe(scores.length);
  await page.screenshot({ path: "test-results/screens/agent-inspector.png", fullPage: true });

  // resume: the run goes on and more discussions arrive
  await page.goBack();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByTestId("run-status")).toHaveText(/queued|running|succeeded/, { timeout: 30_000 });
  const discussed = async () => Number((await page.getByTestId("stage-discuss").textContent())?.split("/")[0]);
  const before = await discussed();
  await expect.poll(discussed, { timeout: 60_000 }).toBeGreaterThan(before);

  const cancel = await request.post(`/api/runs/${runId}/cancel`);
  expect([200, 409]).toContain(cancel.status());
  await expect(page.getByTestId("run-status")).toHaveText("cancelled", { timeout: 60_000 });

  // stage "verify" from the run view: its bar follows the verify stage's own events
  await expect(page.getByTestId("stage-verify")).toHaveText("0/? · pending");
  await page.getByRole("button", { name: "Verify samples" }).click();
  await expect(page.getByTestId("stage-notice")).toContainText("Verification queued");
  await expect(page.getByTestId("stage-verify")).toHaveText(/· (active|done)$/, { timeout: 60_000 });
  await expect(page.getByTestId("verify-counts")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/run-verify.png", fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/screens/run-verify-top.png" });
});

test("an unknown language is a field error naming the known ones, in the form and the API", async ({ page, request }) => {
  const known = MULTIPLE_LANGUAGES.join(", ");
  await page.goto("/runs/new");
  await page.getByLabel("Name", { exact: true }).fill(`${RUN}-cobol`);
  await page.getByLabel("Corpus", { exact: true }).selectOption({ label: CORPUS });
  await page.getByLabel("Languages", { exact: true }).fill("py, cobol");
  for (const role of ["Instruction generator", "Response generator", "Scorer", "Discussion agents"]) await page.getByLabel(`${role} model`).selectOption("demo-model");
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Fix the fields marked below.");
  await expect(page.locator("label", { hasText: "Languages" }).getByRole("alert")).toHaveText(`unknown language "cobol"; known: ${known}`);
  await expect(page).toHaveURL(/\/runs\/new$/);

  // the API refuses it too, at the schema, with the same words
  const res = await request.post("/api/runs", { headers: { "content-type": "application/yaml" }, data: "languages: [py, cobol]\n" });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.message).toContain(`languages.1 (line 1): unknown language "cobol"; known: ${known}`);
  const runs = await (await request.get("/api/runs")).json();
  expect(JSON.stringify(runs)).not.toContain(`${RUN}-cobol`);
});
