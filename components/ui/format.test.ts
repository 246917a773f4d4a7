import { describe, expect, it } from "vitest";
import { fmtBytes, fmtCompact, fmtDuration, fmtInt, fmtTime } from "./format";

describe("display formats", () => {
  it("groups thousands and shows a dash for missing numbers", () => {
    expect(fmtInt(1234567)).toBe("1,234,567");
    expect(fmtInt(0)).toBe("0");
    expect(fmtInt(null)).toBe("—");
    expect(fmtInt(Number.NaN)).toBe("—");
  });
  it("writes large counts and rates in compact units", () => {
    expect(fmtCompact(9_873_799.6)).toBe("9.9M");
    expect(fmtCompact(1234)).toBe("1.2K");
    expect(fmtCompact(12.34)).toBe("12.3");
    expect(fmtCompact(0)).toBe("0");
    expect(fmtCompact(Number.POSITIVE_INFINITY)).toBe("—");
  });
  it("gives sizes and durations with their units", () => {
    expect(fmtBytes(512)).toBe("512 B");
    expect(fmtBytes(1536)).toBe("1.5 KiB");
    expect(fmtBytes(300 * 1024 * 1024)).toBe("300 MiB");
    expect(fmtDuration(1234)).toBe("1.2 s");
    expect(fmtDuration(125_000)).toBe("2 min 5 s");
    expect(fmtDuration(2 * 3600_000 + 60_000)).toBe("2 h 1 min");
    expect(fmtDuration(null)).toBe("—");
  });
  it("names the time zone of times", () => {
    expect(fmtTime(new Date("2026-01-31T14:05:59Z"))).toBe("2026-01-31 14:05 UTC");
  });
});
