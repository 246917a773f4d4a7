import { describe, expect, it } from "vitest";
import { chartsWithData, latestValues, mergePoints, prepareOverlay, prepareRows, smooth } from "@/lib/training/chart-data";
import { LogTail } from "@/lib/training/log-tail";

const pts = [
  { step: 2, name: "loss", value: 2.0 },
  { step: 1, name: "loss", value: 3.0 },
  { step: 2, name: "eval_loss", value: 2.5 },
  { step: 1, name: "lr", value: 1e-5 },
  { step: 3, name: "loss", value: Number.NaN },
];

describe("chart data", () => {
  it("rows by step with the chart's metrics only, sorted, non-finite values dropped", () => {
    expect(prepareRows(pts, ["loss", "eval_loss"])).toEqual([{ step: 1, loss: 3 }, { step: 2, loss: 2, eval_loss: 2.5 }]);
  });

  it("overlays the same metric of several jobs", () => {
    const rows = prepareOverlay([
      { id: "a", label: "run a", points: [{ step: 1, name: "loss", value: 3 }, { step: 2, name: "loss", value: 2 }] },
      { id: "b", label: "run b", points: [{ step: 2, name: "loss", value: 2.2 }, { step: 2, name: "lr", value: 1 }] },
    ], "loss");
    expect(rows).toEqual([{ step: 1, a: 3 }, { step: 2, a: 2, b: 2.2 }]);
  });

  it("shows only charts that have data", () => {
    expect(chartsWithData(pts).map((c) => c.id)).toEqual(["loss", "lr"]);
  });

  it("merges live points over stored ones and keeps the latest values", () => {
    const merged = mergePoints(pts.slice(0, 2), [{ step: 2, name: "loss", value: 1.9 }, { step: 3, name: "loss", value: 1.5 }]);
    expect(merged.filter((p) => p.name === "loss").map((p) => [p.step, p.value])).toEqual([[1, 3], [2, 1.9], [3, 1.5]]);
    expect(latestValues(merged).loss).toEqual({ step: 3, value: 1.5 });
  });

  it("smooths with a debiased moving average", () => {
    expect(smooth([1, 1, 1], 0.9)).toEqual([1, 1, 1].map(() => expect.closeTo(1, 10)));
    const s = smooth([0, 10], 0.5);
    expect(s[0]).toBe(0);
    expect(s[1]).toBeCloseTo(10 * 0.5 / 0.75, 10);
    expect(smooth([3, 4], 0)).toEqual([3, 4]);
  });
});

describe("log tail", () => {
  it("keeps the last lines and joins partial chunks", () => {
    const t = new LogTail(3);
    expect(t.push("a\nb")).toEqual(["a"]);
    expect(t.push("c\nd\ne\n")).toEqual(["bc", "d", "e"]);
    expect(t.text()).toBe("bc\nd\ne");
    t.push("tail");
    expect(t.flush()).toEqual(["tail"]);
    expect(t.last(2)).toEqual(["e", "tail"]);
  });
});

describe("overlay of past jobs", () => {
  it("adds other jobs' curves beside the job's own on the same steps", async () => {
    const { withOverlay } = await import("@/lib/training/chart-data");
    const own = prepareRows([{ step: 1, name: "loss", value: 3 }, { step: 2, name: "loss", value: 2 }], ["loss"]);
    const rows = withOverlay(own, [{ id: "old", label: "old run", points: [{ step: 2, name: "loss", value: 2.5 }, { step: 3, name: "loss", value: 2.4 }] }], "loss");
    expect(rows).toEqual([{ step: 1, loss: 3 }, { step: 2, loss: 2, "cmp:old": 2.5 }, { step: 3, "cmp:old": 2.4 }]);
  });
});
