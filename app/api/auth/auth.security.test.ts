import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import type { ReactElement } from "react";
import type { TestDb } from "@/lib/testing/test-db";
import { createAppTestDb } from "@/lib/testing/app-test-db";
import { proxy } from "@/proxy";
import LoginPage from "@/app/login/page";
import * as login from "@/app/api/auth/login/route";
import * as logout from "@/app/api/auth/logout/route";
import * as runs from "@/app/api/runs/route";
import { safeNextPath } from "@/lib/auth/safe-next";
import { clientKey, LoginLimiter, PEER_HEADER } from "@/lib/auth/login-limiter";
import { resetEnvForTests } from "@/lib/env";
import { SESSION_COOKIE } from "@/lib/auth/session";

/** Hole 5 of the security issue: the sign-in page's redirect, guessing the password, signing out. */
const PASSWORD = "correct horse battery staple";
let t: TestDb;
beforeAll(async () => { t = await createAppTestDb({ HOST: "0.0.0.0", ADMIN_PASSWORD: PASSWORD, SESSION_SECRET: "s".repeat(32) }); });
afterAll(async () => { await t.cleanup(); });

const none = undefined as never;
/** A sign-in from the socket address `client` (as the web server's preload records it), maybe with an X-Forwarded-For. */
const signIn = (password: string, client: string, forwardedFor?: string) =>
  login.POST(
    new NextRequest("http://127.0.0.1/api/auth/login", {
      method: "POST",
      body: JSON.stringify({ password }),
      headers: { "content-type": "application/json", [PEER_HEADER]: client, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    }),
    none,
  );
const withCookie = (path: string, cookie: string, method = "GET") => new NextRequest(`http://127.0.0.1${path}`, { method, headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });

describe("sign-in redirect", () => {
  it("never leaves the app, whatever ?next= says", async () => {
    for (const evil of ["/\\evil.com", "//evil.com", "/%5Cevil.com", "/%2F%2Fevil.com", "https://evil.com", "/\t/evil.com", "javascript:alert(1)", "/\\/evil.com"]) {
      expect(safeNextPath(evil), evil).toBe("/");
    }
    expect(safeNextPath("/runs/abc?tab=samples#x")).toBe("/runs/abc?tab=samples#x");
    expect(safeNextPath(["/a", "/b"])).toBe("/");
    // The page hands the form the checked path.
    const page = (await LoginPage({ searchParams: Promise.resolve({ next: "/\\evil.com" }) })) as ReactElement<{ children: ReactElement[] }>;
    const form = page.props.children.find((c) => (c?.props as { next?: string })?.next !== undefined) as ReactElement<{ next: string }>;
    expect(form.props.next).toBe("/");
  });
});

describe("password guessing", () => {
  it("is rate limited per client: after 10 failures even the right password waits, other clients do not", async () => {
    const client = "203.0.113.7";
    for (let i = 0; i < 10; i++) expect((await signIn(`wrong-${i}`, client)).status).toBe(401);
    const limited = await signIn(PASSWORD, client);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.message).toMatch(/Too many failed sign-ins: try again in \d+ minute/);
    expect((await signIn(PASSWORD, "203.0.113.8")).status).toBe(200);
  });

  it("keys on the socket's address: a client sending its own X-Forwarded-For cannot pose as a new client", async () => {
    const client = "203.0.113.20";
    for (let i = 0; i < 10; i++) expect((await signIn(`wrong-${i}`, client, `198.18.0.${i}`)).status).toBe(401);
    expect((await signIn(PASSWORD, client, "198.18.0.99")).status).toBe(429);
    expect(clientKey(new Headers({ [PEER_HEADER]: "::1", "x-forwarded-for": "1.2.3.4" }))).toBe("::1");
  });

  it("behind a trusted proxy (TRUST_PROXY_HOPS=1) counts the address the proxy appended, not what the client put before it", async () => {
    process.env.TRUST_PROXY_HOPS = "1";
    resetEnvForTests();
    try {
      const proxyAddress = "10.9.8.7"; // every request arrives from the proxy's socket
      const client = "203.0.113.30";
      for (let i = 0; i < 10; i++) expect((await signIn(`wrong-${i}`, proxyAddress, `198.18.1.${i}, ${client}`)).status).toBe(401);
      expect((await signIn(PASSWORD, proxyAddress, `198.18.1.99, ${client}`)).status).toBe(429);
      // another client through the same proxy is not held up by the first one's failures
      expect((await signIn(PASSWORD, proxyAddress, `198.18.1.0, 203.0.113.31`)).status).toBe(200);
      expect(clientKey(new Headers({ [PEER_HEADER]: proxyAddress, "x-forwarded-for": "a, b, c" }), 2)).toBe("b");
      expect(clientKey(new Headers({ [PEER_HEADER]: proxyAddress }), 1)).toBe(proxyAddress);
    } finally {
      delete process.env.TRUST_PROXY_HOPS;
      resetEnvForTests();
    }
  });

  it("lets a client try again once its failures age out, and caps guesses from many addresses", () => {
    const l = new LoginLimiter({ perClient: 3, global: 5, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) l.fail("a", 1_000 + i);
    expect(l.retryAfterSeconds("a", 2_000)).toBeGreaterThan(0);
    expect(l.retryAfterSeconds("a", 61_001)).toBe(0);
    for (const c of ["b", "c"]) l.fail(c, 62_000);
    for (const c of ["d", "e", "f"]) l.fail(c, 62_001);
    expect(l.retryAfterSeconds("never-seen", 62_002)).toBeGreaterThan(0);
  });
});

describe("signing out", () => {
  it("revokes the session on the server: the same cookie no longer opens pages or APIs", async () => {
    const res = await signIn(PASSWORD, "198.51.100.1");
    expect(res.status).toBe(200);
    const cookie = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get("set-cookie") ?? "")![1];
    expect((await proxy(withCookie("/api/runs", cookie))).status).toBe(200);
    expect((await runs.GET(withCookie("/api/runs", cookie), none)).status).toBe(200);

    expect((await logout.POST(withCookie("/api/auth/logout", cookie, "POST"), none)).status).toBe(200);
    expect(await t.db.revokedSession.count()).toBe(1);
    expect((await proxy(withCookie("/api/runs", cookie))).status).toBe(401);
    expect((await runs.GET(withCookie("/api/runs", cookie), none)).status).toBe(401);
    const page = await proxy(withCookie("/runs", cookie));
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/login\?next=%2Fruns$/);
  });
});
