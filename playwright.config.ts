import { defineConfig } from "@playwright/test";
import path from "node:path";

// e2e runs the built app with `npm start`'s script in Debian's Chromium (never a downloaded browser).
// E2E_PORT (default 3100) moves both servers (open on it, sign-in required on the next port),
// so two checkouts can run e2e side by side; specs read the URLs back from the env.
const root = import.meta.dirname;
const openPort = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_BASE_URL = `http://127.0.0.1:${openPort}`;
process.env.E2E_AUTH_URL = `http://127.0.0.1:${openPort + 1}`;
const server = (port: number, name: string, extra: Record<string, string>) => ({
  command: "node scripts/start.mjs",
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 240_000,
  stdout: "pipe" as const,
  env: { PORT: String(port), DATA_DIR: path.join(root, ".e2e-data", name), NEXT_TELEMETRY_DISABLED: "1", JOB_LEASE_MS: "5000", ...extra },
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  timeout: 60_000,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    server(openPort, "open", { HOST: "127.0.0.1", XINSTRUCT_SKIP_BUILD: "1" }),
    server(openPort + 1, "auth", { HOST: "0.0.0.0", ADMIN_PASSWORD: "e2e-admin-password", XINSTRUCT_SKIP_BUILD: "1" }),
  ],
});
