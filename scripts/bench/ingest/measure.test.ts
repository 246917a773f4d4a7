import { describe, expect, it } from "vitest";
import { measureIngest } from "./measure";

describe("ingest benchmark at small scale", () => {
  it("catches every planted duplicate and benchmark copy, and nothing else", async () => {
    const f = await measureIngest(4000, "../shared/benchmarks");
    expect(f.exact.of).toBe(200);
    expect(f.near.of).toBe(200);
    expect(f.contamination.of).toBe(40);
    expect(f.missed).toEqual([]);
    expect(f.exact.hit).toBe(f.exact.of);
    expect(f.near.hit).toBe(f.near.of);
    expect(f.contamination.hit).toBe(f.contamination.of);
    expect(f.unplantedDrops).toBe(0);
  });
});
