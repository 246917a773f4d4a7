import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { backoffMs, classifyFailure, JobCancelledError, RateLimitedError, UnrecoverableError } from "@/lib/jobs/errors";

describe("failure classification", () => {
  it("retries transient errors and server-side AppErrors", () => {
    expect(classifyFailure(new Error("ECONNRESET")).kind).toBe("retryable");
    expect(classifyFailure(new AppError("unavailable:llm", "model down")).kind).toBe("retryable");
  });
  it("stops on client errors, bad payloads and explicit unrecoverables", () => {
    expect(classifyFailure(new AppError("invalid:config", "bad")).kind).toBe("unrecoverable");
    expect(classifyFailure(new AppError("not_found:run", "gone")).kind).toBe("unrecoverable");
    expect(classifyFailure(z.object({ a: z.number() }).safeParse({}).error).kind).toBe("unrecoverable");
    expect(classifyFailure(new UnrecoverableError("no")).kind).toBe("unrecoverable");
  });
  it("ends the job cancelled when its work was cancelled elsewhere", () => {
    expect(classifyFailure(new JobCancelledError("training job t1 was cancelled"))).toEqual({ kind: "cancelled", message: "training job t1 was cancelled" });
  });
  it("reschedules rate limits after their retry-after", () => {
    expect(classifyFailure(new RateLimitedError("429", 1234))).toMatchObject({ kind: "rate_limited", retryAfterMs: 1234 });
    expect(classifyFailure(new AppError("rate_limited:llm", "slow down")).kind).toBe("rate_limited");
  });
});

describe("backoff", () => {
  it("doubles per attempt within jitter bounds and is capped", () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 1)).toBe(4000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
