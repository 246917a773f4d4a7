import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("defaults to loopback, port 3000 and SQLite under ./data, with no login", () => {
    const e = parseEnv({});
    expect(e.HOST).toBe("127.0.0.1");
    expect(e.PORT).toBe(3000);
    expect(e.dialect).toBe("sqlite");
    expect(e.databaseUrl).toMatch(/^file:.*data\/xinstruct\.db$/);
    expect(e.authRequired).toBe(false);
  });

  it("refuses a non-loopback HOST without an admin password or token", () => {
    expect(() => parseEnv({ HOST: "0.0.0.0" })).toThrow(/ADMIN_PASSWORD/);
    const e = parseEnv({ HOST: "0.0.0.0", ADMIN_PASSWORD: "correct horse" });
    expect(e.authRequired).toBe(true);
    expect(parseEnv({ HOST: "10.1.2.3", ADMIN_TOKEN: "t".repeat(20) }).authRequired).toBe(true);
  });

  it("requires login on loopback too once a password is set", () => {
    expect(parseEnv({ ADMIN_PASSWORD: "correct horse" }).authRequired).toBe(true);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with file:/);
    expect(() => parseEnv({ ADMIN_PASSWORD: "short" })).toThrow(/ADMIN_PASSWORD/);
  });

  it("selects PostgreSQL from a postgres URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u@127.0.0.1:5432/x" }).dialect).toBe("postgresql");
  });
});
