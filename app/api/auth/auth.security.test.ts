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
import { LoginLimiter } from "@/lib/auth/login-limiter";
import { SESSION_COOKIE } from "@/lib/auth/session";

/** Hole 5 of the security issue: the sign-in page's redirect, guessing the password, signing out. */
const PASSWORD = "correct horse battery staple";
let t: TestDb;
beforeAll(async () => { t = await createAppTestDb({ HOST: "0.0.0.0", ADMIN_PASSWORD: PASSWORD, SESSION_SECRET: "s".repeat(32) }); });
afterAll(async () => { await t.cleanup(); });

const none = undefined as never;
const signIn = (password: string, client: string) =>
  login.POST(new NextRequest("http://127.0.0.1/api/auth/login", { method: "POST", body: JSON.stringify({ password }), headers: { "content-type": "application/json", "x-forwarded-for": client } }), none);
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
