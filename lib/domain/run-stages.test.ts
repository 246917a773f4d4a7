import { describe, expect, it } from "vitest";
import { applyStageEvent, NO_STAGES, stageBars, stagesPending, type StageState } from "./run-stages";
import type { ProgressCounts, RunStreamEvent } from "./run-view";

const counts = (stage: string, seed = { done: 2, total: 4 }, discuss = { done: 0, total: 10 }): ProgressCounts => ({
  stage,
  seed,
  discuss,
  samples: { ds1: 1, ds2: 1, ds3: 0, accepted: 2, filtered: 0, unscored: 0 },
  byLanguage: {},
  failedSteps: 0,
  usage: { calls: 4, inputTokens: 100, outputTokens: 0, costUsd: null },
});
const ev = (seq: number, type: string, data: Record<string, unknown>): RunStreamEvent => ({ seq, type, data });
const fold = (events: RunStreamEvent[]) => events.reduce(applyStageEvent, NO_STAGES as StageState);
const view = (bars: ReturnType<typeof stageBars>) => bars.map((b) => [b.stage, `${b.done}/${b.total}`, b.state]);

describe("stage bars", () => {
  it("shows seed → discuss → verify from the generation's counts, verify pending until its stage starts", () => {
    expect(view(stageBars(counts("seed"), "running"))).toEqual([["seed", "2/4", "active"], ["discuss", "0/10", "pending"], ["verify", "0/0", "pending"]]);
    expect(view(stageBars(counts("discuss", { done: 4, total: 4 }, { done: 3, total: 10 }), "running")).map((b) => b[2])).toEqual(["done", "active", "pending"]);
    expect(view(stageBars(counts("discuss", { done: 4, total: 4 }, { done: 3, total: 10 }), "cancelled"))[1]).toEqual(["discuss", "3/10", "pending"]);
    // a finished generation is not a verified one: scoring is not verification
    expect(view(stageBars(counts("done", { done: 4, total: 4 }, { done: 10, total: 10 }), "succeeded"))).toEqual([["seed", "4/4", "done"], ["discuss", "10/10", "done"], ["verify", "0/0", "pending"]]);
  });

  it("follows the verify stage's own events, and adds the dpo bar once a DPO stage starts", () => {
    const c = counts("done", { done: 4, total: 4 }, { done: 10, total: 10 });
    let s = fold([ev(1, "stage", { stage: "verify" })]);
    expect(view(stageBars(c, "succeeded", s))[2]).toEqual(["verify", "0/0", "active"]);
    s = fold([ev(1, "stage", { stage: "verify" }), ev(2, "verify.progress", { total: 14, done: 8, verified: 8, passed: 6, failed: 1, noTests: 1 })]);
    expect(view(stageBars(c, "succeeded", s))[2]).toEqual(["verify", "8/14", "active"]);
    expect(s.verify).toMatchObject({ passed: 6, failed: 1, noTests: 1 });
    s = applyStageEvent(s, ev(3, "verify.done", { total: 14, verified: 14, passed: 11, failed: 2, noTests: 1 }));
    expect(view(stageBars(c, "succeeded", s))).toHaveLength(3);
    expect(view(stageBars(c, "succeeded", s))[2]).toEqual(["verify", "14/14", "done"]);
    expect(s.verify).toMatchObject({ checked: 14, finished: true });
    // a second pass with every sample already judged takes nothing up: the view says so
    const again = [ev(7, "stage", { stage: "verify" }), ev(8, "verify.done", { total: 14, verified: 0, passed: 0, failed: 0, noTests: 0 })].reduce(applyStageEvent, s);
    expect(again.verify).toMatchObject({ total: 14, done: 14, checked: 0, finished: true });

    s = applyStageEvent(s, ev(4, "stage", { stage: "dpo" }));
    expect(view(stageBars(c, "succeeded", s))[3]).toEqual(["dpo", "0/0", "active"]);
    s = applyStageEvent(s, ev(5, "dpo.progress", { queries: 11, done: 4, answers: 32, pairs: 9, noPassing: 1, noFailing: 2 }));
    expect(view(stageBars(c, "succeeded", s))[3]).toEqual(["dpo", "4/11", "active"]);
    const causes = { "http:500": { steps: 3, calls: 6, example: "Internal Server Error" } };
    s = applyStageEvent(s, ev(6, "dpo.done", { queries: 11, done: 11, answers: 88, pairs: 25, noPassing: 2, noFailing: 3, causes, outcome: "completed_with_errors", summary: "3 of 91 answers failed" }));
    // the stage's end carries how it ended and its failures by cause, for the run page
    expect(s.dpo).toEqual({ queries: 11, done: 11, answers: 88, pairs: 25, noPassing: 2, noFailing: 3, finished: true, causes, outcome: "completed_with_errors", summary: "3 of 91 answers failed" });
    expect(view(stageBars(c, "succeeded", s))[3]).toEqual(["dpo", "11/11", "done"]);
    // a second verify pass (new samples) makes the bar active again, keeping its last figures until progress comes
    s = applyStageEvent(s, ev(7, "stage", { stage: "verify" }));
    expect(view(stageBars(c, "succeeded", s))[2]).toEqual(["verify", "14/14", "active"]);
  });

  it("a run completed with errors has its generation stages done, like a succeeded one", () => {
    const c = counts("done", { done: 4, total: 4 }, { done: 10, total: 10 });
    expect(view(stageBars(c, "completed_with_errors")).slice(0, 2)).toEqual([["seed", "4/4", "done"], ["discuss", "10/10", "done"]]);
  });

  it("ignores the generation's own stage events", () => {
    expect(fold([ev(1, "stage", { stage: "seed", total: 4 }), ev(2, "stage", { stage: "discuss", total: 10 })])).toEqual(NO_STAGES);
  });
});

describe("reading the stages after the stream ended", () => {
  const active = fold([ev(40, "stage", { stage: "verify" })]);
  const done = applyStageEvent(active, ev(41, "verify.done", { total: 3, verified: 3, passed: 3 }));
  it("reads while an asked-for stage has not spoken, then while the newest read shows it under way, and stops when it is done", () => {
    // asked at seq 30: nothing read yet, then a read from before the stage started
    expect(stagesPending(30, undefined, NO_STAGES)).toBe(true);
    expect(stagesPending(30, { seq: 30, stageSeq: 0, stages: NO_STAGES }, NO_STAGES)).toBe(true);
    // the stage started: the read's own state decides, not the ended stream's (which never saw it)
    expect(stagesPending(30, { seq: 40, stageSeq: 40, stages: active }, NO_STAGES)).toBe(true);
    expect(stagesPending(null, { seq: 40, stageSeq: 40, stages: active }, NO_STAGES)).toBe(true);
    expect(stagesPending(30, { seq: 41, stageSeq: 41, stages: done }, NO_STAGES)).toBe(false);
    // nothing asked: a stage the stream left under way is read until it ends
    expect(stagesPending(null, undefined, active)).toBe(true);
    expect(stagesPending(null, undefined, done)).toBe(false);
  });
});
