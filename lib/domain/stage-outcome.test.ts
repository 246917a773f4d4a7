import { describe, expect, it } from "vitest";
import { causeLabel, causeOfCall, causeOfStep, causesOfCalls, rankCauses } from "./failure-causes";
import { FAILED_SHARE, judgeOutcome } from "./stage-outcome";

describe("failure causes", () => {
  it("names a call's cause from its outcome and HTTP status; a refused response_format is told apart", () => {
    expect(causeOfCall({ outcome: "ok" })).toBeNull();
    expect(causeOfCall({ outcome: "cancelled" })).toBeNull();
    expect(causeOfCall({ outcome: "format-refused", status: 400 })).toBeNull();
    expect(causeOfStep({ kind: "error" }, [{ outcome: "format-refused", status: 400 }])).toBe("response-format:400");
    expect(causeOfCall({ outcome: "client-error", status: 400, error: "'response_format' of type 'json_schema' is not supported" })).toBe("response-format:400");
    expect(causeOfCall({ outcome: "client-error", status: 401, error: "Unauthorized" })).toBe("http:401");
    expect(causeOfCall({ outcome: "server-error", status: 503 })).toBe("http:503");
    expect(causeOfCall({ outcome: "network", error: "ECONNREFUSED" })).toBe("network");
    expect(causeLabel("response-format:400")).toBe("the server rejected response_format (400)");
    expect(causeLabel("http:401")).toMatch(/API key/);
    expect(causeLabel("http:502")).toBe("the server failed (502), retries exhausted");
    expect(causeLabel("some-new-outcome")).toBe("some new outcome");
  });

  it("a failed step takes the cause of its last failed call, else its own failure kind", () => {
    expect(causeOfStep({ kind: "unavailable" }, [{ outcome: "server-error", status: 500 }, { outcome: "rate-limited", status: 429 }])).toBe("http:429");
    expect(causeOfStep({ kind: "invalid-output" }, [])).toBe("invalid-output");
  });

  it("ranks causes by failed steps, then failed calls", () => {
    const causes = causesOfCalls([{ outcome: "network", error: "refused" }, { outcome: "network" }, { outcome: "invalid-output" }]);
    causes["invalid-output"].steps = 1;
    expect(rankCauses(causes).map((c) => [c.cause, c.steps, c.calls, c.example])).toEqual([["invalid-output", 1, 1, undefined], ["network", 0, 2, "refused"]]);
  });
});

describe("judgeOutcome", () => {
  const causes = { "response-format:400": { steps: 412, calls: 830, example: "response_format is not supported" }, timeout: { steps: 8, calls: 10 } };

  it("no failed step: succeeded; work done but nothing produced: failed", () => {
    expect(judgeOutcome({ steps: 10, failedSteps: 0, produced: 10 })).toEqual({ outcome: "succeeded", summary: null });
    expect(judgeOutcome({ steps: 0, failedSteps: 0, produced: 0 })).toEqual({ outcome: "succeeded", summary: null });
    expect(judgeOutcome({ steps: 5, failedSteps: 0, produced: 0 }).outcome).toBe("failed");
  });

  it(`more than ${FAILED_SHARE * 100} % of steps failed: failed, with the dominant cause first`, () => {
    const j = judgeOutcome({ steps: 420, failedSteps: 420, produced: 0, causes, calls: 840 });
    expect(j.outcome).toBe("failed");
    expect(j.summary).toBe('All 420 steps failed (840 of 840 model calls failed): the server rejected response_format (400) — e.g. "response_format is not supported"; also 8× the model did not answer within the endpoint\'s timeout.');
    expect(judgeOutcome({ steps: 100, failedSteps: 21, produced: 79 }).outcome).toBe("failed");
  });

  it(`some steps failed, at most ${FAILED_SHARE * 100} %: completed with errors`, () => {
    const j = judgeOutcome({ noun: "answers", steps: 100, failedSteps: 20, produced: 80, causes: { timeout: { steps: 20, calls: 20 } } });
    expect(j).toEqual({ outcome: "completed_with_errors", summary: "20 of 100 answers failed: the model did not answer within the endpoint's timeout." });
    // however few failed, a stage that produced nothing failed
    expect(judgeOutcome({ steps: 100, failedSteps: 1, produced: 0 }).outcome).toBe("failed");
  });
});
