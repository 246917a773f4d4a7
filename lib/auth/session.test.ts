import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { checkPassword, createSessionToken, isAuthorized, verifySessionToken, SESSION_COOKIE } from "@/lib/auth/session";

function req(headers: Record<string, string> = {}, cookie?: string) {
  return { headers: { get: (n: string) => headers[n.toLowerCase()] ?? null }, cookies: { get: (n: string) => (n === SESSION_COOKIE && cookie ? { value: cookie } : undefined) } };
}

const noneRevoked = async () => false;

afterEach(() => { vi.unstubAllEnvs(); resetEnvForTests(); });

describe("access control", () => {
  it("lets everyone through on loopback without a password", async () => {
    vi.stubEnv("HOST", "127.0.0.1");
    resetEnvForTests();
    expect(await isAuthorized(req(), noneRevoked)).toBe(true);
  });

  it("requires a valid session or bearer token once a password is set", async () => {
    vi.stubEnv("HOST", "0.0.0.0");
    vi.stubEnv("ADMIN_PASSWORD", "correct horse battery");
    vi.stubEnv("ADMIN_TOKEN", "tok_0123456789abcdef");
    resetEnvForTests();
    expect(await isAuthorized(req(), noneRevoked)).toBe(false);
    expect(checkPassword("wrong")).toBe(false);
    expect(checkPassword("correct horse battery")).toBe(true);
    const token = createSessionToken();
    expect(await isAuthorized(req({}, token), noneRevoked)).toBe(true);
    expect(await isAuthorized(req({}, token.replace(/.$/, (c) => (c === "a" ? "b" : "a"))), noneRevoked)).toBe(false);
    expect(await isAuthorized(req({ authorization: "Bearer tok_0123456789abcdef" }), noneRevoked)).toBe(true);
    expect(await isAuthorized(req({ authorization: "Bearer nope" }), noneRevoked)).toBe(false);
  });

  it("expires sessions", () => {
    vi.stubEnv("ADMIN_PASSWORD", "correct horse battery");
    resetEnvForTests();
    const token = createSessionToken(Date.now() - 8 * 24 * 3600_000);
    expect(verifySessionToken(token)).toBe(false);
  });
});
