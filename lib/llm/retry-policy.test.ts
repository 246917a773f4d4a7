import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { ConcurrencyLimiter } from "./concurrency-limiter";
import { backoffMs, classifyError } from "./retry-policy";

const apiError = (statusCode: number, headers: Record<string, string> = {}) =>
  new APICallError({ message: `HTTP ${statusCode}`, url: "http://x", requestBodyValues: {}, statusCode, responseHeaders: headers });

describe("classifying model call errors", () => {
  const none = { cancelled: false, timedOut: false };
  it("retries 429 and 5xx, honouring Retry-After; not 4xx", () => {
    expect(classifyError(apiError(429, { "retry-after": "2" }), none)).toMatchObject({ kind: "rate-limited", retryable: true, retryAfterMs: 2000 });
    expect(classifyError(apiError(503), none)).toMatchObject({ kind: "server-error", retryable: true });
    expect(classifyError(apiError(400), none)).toMatchObject({ kind: "client-error", retryable: false });
  });
  it("a timeout is retryable, a cancellation is not", () => {
    expect(classifyError(new Error("aborted"), { cancelled: false, timedOut: true })).toMatchObject({ kind: "timeout", retryable: true });
    expect(classifyError(new Error("aborted"), { cancelled: true, timedOut: true })).toMatchObject({ kind: "cancelled", retryable: false });
  });
});

describe("backoff", () => {
  const policy = { retryBaseDelayMs: 100, retryMaxDelayMs: 1000 };
  it("doubles per retry within jitter bounds and is capped", () => {
    expect(backoffMs(0, policy, 0)).toBe(50);
    expect(backoffMs(0, policy, 1)).toBe(100);
    expect(backoffMs(2, policy, 0.5)).toBe(300);
    expect(backoffMs(10, policy, 1)).toBe(1000);
  });
  it("waits at least Retry-After, still capped", () => {
    expect(backoffMs(0, policy, 0, 700)).toBe(700);
    expect(backoffMs(0, policy, 0, 5000)).toBe(1000);
  });
});

describe("concurrency limiter", () => {
  it("serves waiters in order and lets an aborted waiter leave", async () => {
    const l = new ConcurrencyLimiter(1);
    const r1 = await l.acquire();
    const order: string[] = [];
    const ac = new AbortController();
    const a = l.acquire().then((r) => (order.push("a"), r));
    const b = l.acquire(ac.signal).catch(() => (order.push("b-aborted"), null));
    const c = l.acquire().then((r) => (order.push("c"), r));
    expect(l.waiting).toBe(3);
    ac.abort();
    await b;
    expect(l.waiting).toBe(2);
    r1();
    (await a)();
    (await c)();
    expect(order).toEqual(["b-aborted", "a", "c"]);
    expect(l.inFlight).toBe(0);
  });
});
