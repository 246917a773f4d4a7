// The run page in Chromium on a production server over the bench's database: from navigation
// to the run's full discussion message count on screen (server-rendered from the snapshot).
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";
import { waitFor } from "@/lib/testing/spawn-cli";
import { percentiles } from "./stats";

const PORT = 3219;

export async function pageOpen(dataDir: string, runs: { id: string; messages: number }[], reps: number) {
  const server = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", XINSTRUCT_SKIP_BUILD: "1" }, stdio: ["ignore", "ignore", "inherit"] });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    await waitFor(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.ok, 600_000, 500);
    const out = [];
    for (const { id, messages } of runs) {
      const times: number[] = [];
      for (let i = 0; i < reps + 1; i++) {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        const t0 = performance.now();
        await page.goto(`http://127.0.0.1:${PORT}/runs/${id}`, { waitUntil: "commit" });
        await page.waitForSelector(`[data-testid="message-count"]:text-is("${messages} messages")`, { state: "visible", timeout: 60_000 });
        if (i > 0) times.push(performance.now() - t0); // the first load warms the server
        await ctx.close();
      }
      out.push(percentiles(times));
    }
    return out;
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}
