import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("npm start", () => {
  it("refuses to serve off loopback without an admin password, saying what to set", () => {
    const env: Record<string, string | undefined> = { ...process.env, HOST: "0.0.0.0", PORT: "3999", DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "xi-start-")) };
    delete env.ADMIN_PASSWORD;
    delete env.ADMIN_TOKEN;
    const r = spawnSync(process.execPath, ["scripts/start.mjs"], { env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/HOST=0\.0\.0\.0 is not a loopback address: set ADMIN_PASSWORD/);
    expect(r.stdout).not.toMatch(/dashboard on/);
  });
});
