import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// A small zip of real code in five languages, plus a file that copies a HumanEval problem.
const humanEval0 = JSON.parse(fs.readFileSync("../shared/benchmarks/HumanEval.jsonl", "utf8").split("\n")[0]) as { prompt: string; canonical_solution: string };
const FILES: Record<string, string> = {
  "src/app.py": "import sys\n\n\ndef main(argv):\n    \"\"\"Entry point.\"\"\"\n    for a in argv:\n        print(a.upper())\n    return 0\n\n\nif __name__ == '__main__':\n    sys.exit(main(sys.argv))\n",
  "java/Main.java": "public class Main {\n    public static void main(String[] args) {\n        System.out.println(\"hello \" + args.length);\n    }\n}\n",
  "src/util/strings.ts": "export function slugify(s: string): string {\n  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');\n}\n",
  "scripts/deploy.sh": "#!/bin/bash\nset -euo pipefail\nfor f in \"$@\"; do\n  echo \"deploying $f\"\ndone\n",
  "web/index.php": "<?php\nfunction greet($name) {\n    return \"Hello, \" . htmlspecialchars($name);\n}\necho greet($_GET['n'] ?? 'you');\n",
  "src/close.py": humanEval0.prompt + humanEval0.canonical_solution,
  "README.md": "# Demo\n",
};

function makeZip(): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-corpus-"));
  const file = path.join(dir, "demo-project.zip");
  execFileSync("python3", ["-c", "import sys, zipfile, json\nwith zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n    [z.writestr(n, d) for n, d in json.loads(sys.argv[2]).items()]", file, JSON.stringify(FILES)]);
  const bytes = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

/** Drops a file on the drop zone the way a browser does: a real DataTransfer in a drop event. */
async function dropFile(page: Page, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(({ name, b64 }) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([raw], name, { type: "application/zip" }));
    return dt;
  }, { name, b64: bytes.toString("base64") });
  await page.getByTestId("drop-zone").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
}

/** How many distinct Monaco token classes (mtk1, mtk6, ...) colour the visible snippet. */
async function tokenClasses(page: Page): Promise<number> {
  return page.getByTestId("snippet-code").locator(".view-lines span[class^='mtk']").evaluateAll((els) => new Set(els.map((e) => e.className)).size);
}

test.beforeAll(() => {
  // The server offers the files under <data dir>/benchmarks for decontamination.
  const dir = path.join(".e2e-data", "open", "benchmarks");
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync("../shared/benchmarks/HumanEval.jsonl", path.join(dir, "HumanEval.jsonl"));
});

test("a zip dropped in the browser is uploaded, imported, charted and browsable", async ({ page }) => {
  await page.goto("/corpora");
  await dropFile(page, "demo-project.zip", makeZip());
  await expect(page.getByTestId("drop-zone")).toContainText("demo-project.zip");
  await page.getByLabel("HumanEval.jsonl").check();
  await page.screenshot({ path: "test-results/screens/corpora-add.png" });
  await page.getByRole("button", { name: "Upload and import" }).click();

  await expect(page).toHaveURL(/\/corpora\/[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("corpus-status")).toHaveText("ready", { timeout: 60_000 });
  await expect(page.getByTestId("language-chart")).toHaveAttribute("aria-label", /Python 1.*|.*Python 1/);
  await expect(page.getByTestId("language-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("token-histogram")).toBeVisible();
  // The HumanEval copy is excluded and listed with the item it matches.
  await expect(page.getByTestId("contamination")).toContainText("HumanEval/0");
  await expect(page.getByTestId("skipped-reasons")).toContainText("unsupported language");
  // The first snippet is shown; the Java filter shows Java code.
  await expect(page.getByTestId("snippet-code")).toContainText("def main(argv):");
  // ... read-only in Monaco, highlighted: keywords, names and strings get different token classes.
  const editor = page.getByTestId("snippet-code").locator(".monaco-editor");
  await expect(editor).toBeVisible();
  await expect.poll(() => tokenClasses(page)).toBeGreaterThan(2);
  await expect(page.getByTestId("editor-snippet")).toHaveAttribute("data-readonly", "true");
  await page.getByLabel("Filter snippets by language").getByRole("link", { name: "Java" }).click();
  await expect(page.getByTestId("snippet-code")).toContainText("public class Main");
  await expect(page.getByTestId("snippet-meta")).toContainText("Java");
  await expect.poll(() => tokenClasses(page)).toBeGreaterThan(2);
  // No run uses the corpus yet: the page says so and links to starting one.
  await expect(page.getByTestId("corpus-runs")).toContainText("No generation run uses this corpus yet");
  await expect(page.getByRole("link", { name: "Start a run" })).toHaveAttribute("href", "/runs/new");
  await page.screenshot({ path: "test-results/screens/corpus.png", fullPage: true });

  // On a phone the page fits the screen's width: tables and code scroll inside their boxes.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("snippet-code").locator(".monaco-editor")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/corpus-mobile.png", fullPage: true });
});

test("the upload and import progress bars move to done; an empty upload is refused at once with its reason", async ({ page }) => {
  await page.goto("/corpora");
  await page.getByLabel("Corpus file").setInputFiles({ name: "empty.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.alloc(0) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  // no corpus is created for it: the form says why and stays
  await expect(page.getByRole("form", { name: "Add a corpus" }).getByRole("alert")).toHaveText("empty.jsonl is empty: nothing was imported.");
  await expect(page).toHaveURL(/\/corpora$/);
  await page.screenshot({ path: "test-results/screens/corpus-failed.png" });

  // A bigger JSONL upload: the upload bar reaches 100 % and the import bar is followed to the end.
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ path: `f${i}.py`, content: `def f${i}(x):\n    y = x * ${i} + ${(i * 7919) % 1000}\n    return y - ${i % 17}\n` }));
  await page.goto("/corpora");
  // The upload bar lives only until the page moves on (a client-side navigation): record its values.
  await page.evaluate(() => {
    const seen: number[] = ((window as unknown as { uploadValues: number[] }).uploadValues = []);
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="upload-progress"]');
      const v = Number(bar?.getAttribute("aria-valuenow"));
      if (bar && seen.at(-1) !== v) seen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByLabel("Corpus file").setInputFiles({ name: "dump.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(lines.join("\n")) });
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page).toHaveURL(/\/corpora\/[a-z0-9]+$/, { timeout: 30_000 });
  const uploadValues = await page.evaluate(() => (window as unknown as { uploadValues: number[] }).uploadValues);
  expect(uploadValues.at(-1)).toBe(100);
  expect(uploadValues).toEqual([...uploadValues].sort((a, b) => a - b));
  await expect(page.getByTestId("corpus-status")).toHaveText("ready", { timeout: 60_000 });
  await expect(page.getByTestId("corpus-cards")).toContainText("3,000snippets kept");
});

test("a snippet cut from the middle of a file is numbered from its line in the file", async ({ page }) => {
  const functions = Array.from({ length: 6 }, (_, i) => `def step_${i}(values):\n    total = ${i}\n    for v in values:\n        total += v * ${i + 1}\n    return total\n`);
  const source = functions.join("\n\n");
  const fileLines = source.split("\n");
  await page.goto("/corpora");
  await page.getByLabel("Corpus file").setInputFiles({ name: "steps.py", mimeType: "text/x-python", buffer: Buffer.from(source) });
  await page.getByLabel(/Max tokens per snippet/).fill("40");
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(page).toHaveURL(/\/corpora\/[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByTestId("corpus-status")).toHaveText("ready", { timeout: 60_000 });

  // The file was split into several snippets; pick one that starts below line 1.
  const labels = await page.getByTestId("snippet-list").locator("a").allInnerTexts();
  expect(labels.length).toBeGreaterThan(1);
  const starts = labels.map((l) => Number(/steps\.py:(\d+)–/.exec(l)?.[1]));
  const index = starts.findIndex((n) => n > 1);
  expect(index).toBeGreaterThanOrEqual(0);
  const startLine = starts[index];
  await page.getByTestId("snippet-list").locator("a").nth(index).click();
  await expect(page.getByTestId("snippet-meta")).toContainText(`lines ${startLine}–`);

  // Monaco numbers the snippet from that line, and the line it shows there is the file's line.
  const editor = page.getByTestId("snippet-code").locator(".monaco-editor");
  await expect(editor).toBeVisible();
  const firstNumber = () => editor.locator(".line-numbers").evaluateAll((els) => Math.min(...els.map((e) => Number(e.textContent))));
  await expect.poll(firstNumber).toBe(startLine);
  const firstText = await editor.locator(".view-line").evaluateAll((els) => {
    const top = (e: Element) => parseFloat((e as HTMLElement).style.top || "0");
    return (els.sort((a, b) => top(a) - top(b))[0]?.textContent ?? "").replace(/\u00a0/g, " ");
  });
  expect(firstText).toBe(fileLines[startLine - 1]);
});
