// Time to first render of the samples page in Chromium: from navigation to the first table
// row on screen, against a page that needs no samples (the 404 page) in the same run.
import { chromium } from "@playwright/test";
import { percentiles } from "./stats";

export async function firstRender(base: string, reps: number) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const measure = async (path: string, selector: string) => {
    const times: number[] = [];
    for (let i = 0; i < reps + 1; i++) {
      const ctx = await browser.newContext(); // cold browser cache each time
      const page = await ctx.newPage();
      const t0 = performance.now();
      await page.goto(`${base}${path}`, { waitUntil: "commit" });
      await page.waitForSelector(selector, { state: "visible", timeout: 60_000 });
      if (i > 0) times.push(performance.now() - t0); // the first load warms the server
      await ctx.close();
    }
    return percentiles(times);
  };
  try {
    const baseline = await measure("/bench-no-such-page", "text=Not found");
    const samples = await measure("/samples", '[data-testid="sample-row"]');
    const editor = await measure("/samples", '[data-testid="editor-solution"] .view-lines');
    return { baseline, samples, editor };
  } finally {
    await browser.close();
  }
}
