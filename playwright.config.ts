import { defineConfig } from "@playwright/test";
import path from "node:path";

// e2e runs the built app with `npm start`'s script in Debian's Chromium (never a downloaded browser).
const root = import.meta.dirname;
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
    baseURL: "http://127.0.0.1:3100",
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    server(3100, "open", { HOST: "127.0.0.1", XINSTRUCT_SKIP_BUILD: "1" }),
    server(3101, "auth", { HOST: "0.0.0.0", ADMIN_PASSWORD: "e2e-admin-password", XINSTRUCT_SKIP_BUILD: "1" }),
  ],
});
