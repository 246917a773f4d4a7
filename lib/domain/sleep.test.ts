import { describe, expect, it } from "vitest";
import { sleep, sleepOrAbort } from "./sleep";

describe("sleep", () => {
  it("waits about the time asked", async () => {
    const started = Date.now();
    await sleep(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it("ends early and quietly when the signal aborts", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error("stop")), 20);
    const started = Date.now();
    await expect(sleep(10_000, ac.signal)).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("sleepOrAbort rejects with the signal's reason, also when already aborted", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(new Error("cancelled by user")), 20);
    await expect(sleepOrAbort(10_000, ac.signal)).rejects.toThrow("cancelled by user");
    await expect(sleepOrAbort(10, ac.signal)).rejects.toThrow("cancelled by user");
    await expect(sleepOrAbort(10)).resolves.toBeUndefined();
  });
});
