import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

// Uploads that cannot be imported are refused at once with the reason, and leave no corpus
// behind; one that fails later in the worker can be deleted from the list.

async function dropFile(page: Page, name: string, bytes: Buffer) {
  const dataTransfer = await page.evaluateHandle(({ name, b64 }) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([raw], name));
    return dt;
  }, { name, b64: bytes.toString("base64") });
  await page.getByTestId("drop-zone").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
  await expect(page.getByTestId("drop-zone")).toContainText(name);
}

const form = (page: Page) => page.getByRole("form", { name: "Add a corpus" });
const corpusNames = async (page: Page) => (await page.getByTestId("corpora").count()) ? page.getByTestId("corpora").locator("tbody tr td:first-child").allTextContents() : [];

test("bad uploads are refused at once with their reason, and no failed corpus piles up", async ({ page }) => {
  const tag = Date.now().toString(36);
  await page.goto("/corpora");
  // the form documents the JSONL keys
  await expect(page.getByTestId("jsonl-keys")).toContainText('"content": "def f(): ...", "language": "py", "path": "src/f.py"');
  await expect(page.getByTestId("jsonl-keys")).toContainText("content (the code) is required");
  const before = await corpusNames(page);

  // random bytes named .tar.gz: not a valid archive (not "too large"), sniffed from the first bytes
  await dropFile(page, `random-${tag}.tar.gz`, randomBytes(3 * 1024 * 1024));
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(form(page).getByRole("alert")).toHaveText(`random-${tag}.tar.gz is not a valid tar.gz archive: its first bytes are not an archive's (a tar.gz file starts with gzip's 1f 8b). Nothing was imported.`);
  await expect(page).toHaveURL(/\/corpora$/);

  // JSONL with "code" instead of "content": the line, the missing key and the accepted keys
  // (the answer can take seconds here: the browser's next upload waits behind the refused one's unread body)
  await dropFile(page, `code-${tag}.jsonl`, Buffer.from(`${JSON.stringify({ code: "def f():\n    return 1\n", language: "py" })}\n`));
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(form(page).getByRole("alert")).toHaveText(`code-${tag}.jsonl line 1: no "content" key (the line has "code", "language"); each line is a JSON object with "content" (the code, required), "language" (e.g. "py", optional) and "path" (optional). Nothing was imported.`, { timeout: 30_000 });

  // an empty file is refused without waiting for the worker
  await dropFile(page, `empty-${tag}.py`, Buffer.alloc(0));
  await page.getByRole("button", { name: "Upload and import" }).click();
  await expect(form(page).getByRole("alert")).toHaveText(`empty-${tag}.py is empty: nothing was imported.`);
  // ... and the server says the same to a client that sends it anyway
  const res = await page.request.post(`/api/corpora/upload?filename=empty-${tag}.py`, { headers: { "content-type": "application/octet-stream" }, data: Buffer.alloc(0) });
  expect(res.status()).toBe(400);
  expect((await res.json()).error.message).toBe(`empty-${tag}.py is empty: nothing was imported.`);

  await page.reload();
  expect(await corpusNames(page)).toEqual(before);
  await page.screenshot({ path: "test-results/screens/corpora-refused.png", fullPage: true });
});

test("a corpus whose import failed in the worker is deleted from the list", async ({ page }) => {
  // a valid zip holding only a binary file: nothing to import, found by the worker
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-failed-"));
  const zip = path.join(dir, "only-binary.zip");
  execFileSync("python3", ["-c", "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n    z.writestr('blob.bin', bytes(range(256)) * 64)", zip]);
  const name = `failed-${Date.now().toString(36)}`;
  const res = await page.request.post(`/api/corpora/upload?filename=only-binary.zip&name=${name}`, { headers: { "content-type": "application/octet-stream" }, data: fs.readFileSync(zip) });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(res.status(), await res.text()).toBe(201);
  const { corpus } = await res.json();
  await expect.poll(async () => (await (await page.request.get(`/api/corpora/${corpus.id}`)).json()).corpus.status, { timeout: 60_000 }).toBe("failed");

  await page.goto("/corpora");
  const row = page.getByTestId("corpora").locator("tbody tr", { hasText: name });
  await expect(row).toContainText("Nothing to import");
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: `Delete: ${name}` }).click();
  await expect(page.getByTestId("corpora").locator("tbody tr", { hasText: name })).toHaveCount(0);
  expect((await page.request.get(`/api/corpora/${corpus.id}`)).status()).toBe(404);
});
