import { describe, expect, it } from "vitest";
import { jobSubject } from "./job-subject";

describe("jobSubject", () => {
  it("links a job to the record its payload names", () => {
    expect(jobSubject({ corpusId: "c1" })).toEqual({ label: "corpus", href: "/corpora/c1" });
    expect(jobSubject({ trainingJobId: "t1", resume: true })).toEqual({ label: "training job", href: "/training/t1" });
    expect(jobSubject({ evaluationId: "e 1" })).toEqual({ label: "evaluation", href: "/evaluations/e%201" });
    expect(jobSubject({ runId: "r1" })).toEqual({ label: "run", href: "/runs/r1" });
  });
  it("names what it cannot link, and gives nothing for payloads without a record", () => {
    expect(jobSubject({ variantId: "v1" })).toEqual({ label: "ablation variant", href: null });
    expect(jobSubject({ steps: 20, delayMs: 150 })).toBeNull();
    expect(jobSubject(null)).toBeNull();
    expect(jobSubject({ corpusId: "" })).toBeNull();
  });
});
