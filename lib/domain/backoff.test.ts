import { describe, expect, it } from "vitest";
import { backoffDelayMs, parseRetryAfter } from "@/lib/domain/backoff";

describe("backoffDelayMs", () => {
  const equal = { baseMs: 100, maxMs: 1000, jitter: "equal" as const };
  const full = { baseMs: 100, maxMs: 1000, jitter: "full" as const, retryAfter: "instead" as const };

  it("doubles per retry and is capped; equal jitter keeps at least half the ceiling, full jitter may be 0", () => {
    expect([0, 1, 2, 3, 4].map((r) => backoffDelayMs(r, equal, 1))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelayMs(2, equal, 0)).toBe(200);
    expect(backoffDelayMs(2, full, 0)).toBe(0);
    expect(backoffDelayMs(2, full, 0.5)).toBe(200);
  });

  it("honours Retry-After: as a floor by default, as the wait itself with 'instead'; capped either way", () => {
    expect(backoffDelayMs(3, equal, 1, 50)).toBe(800);
    expect(backoffDelayMs(0, equal, 0, 700)).toBe(700);
    expect(backoffDelayMs(3, full, 1, 50)).toBe(50);
    expect(backoffDelayMs(0, full, 0, 5000)).toBe(1000);
    expect(backoffDelayMs(0, equal, 0, 5000)).toBe(1000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates; nothing readable is null", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:05 GMT", 1000)).toBe(4000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
