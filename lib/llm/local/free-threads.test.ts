import { describe, expect, it } from "vitest";
import { freeThreads } from "./free-threads";

describe("freeThreads", () => {
  it("uses the cores the load leaves free, never fewer than one", () => {
    expect(freeThreads({ cores: 16, loadAverage: 0.2 })).toBe(16);
    expect(freeThreads({ cores: 16, loadAverage: 5.6 })).toBe(10);
    expect(freeThreads({ cores: 2, loadAverage: 1.4 })).toBe(1);
    // the busy 2-core machine that made llama.cpp's default threads spin
    expect(freeThreads({ cores: 2, loadAverage: 6 })).toBe(1);
  });

  it("lets the endpoint's threads override the estimate", () => {
    expect(freeThreads({ cores: 2, loadAverage: 6, override: 2 })).toBe(2);
    expect(freeThreads({ cores: 64, loadAverage: 0, override: 4 })).toBe(4);
  });
});
