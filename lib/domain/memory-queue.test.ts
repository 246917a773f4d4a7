import { describe, expect, it } from "vitest";
import { createMemory, offerToMemory, type MemoryCandidate, type MemoryState } from "./memory-queue";

const topics = ["sort a list of integers", "parse a date string", "reverse a linked list", "compute a checksum", "merge two maps", "validate an email address", "count words in a file", "find the shortest path in a grid"];

function candidate(i: number, score: number): MemoryCandidate<null> {
  return { id: `s${i}`, score, instruction: `Task ${i}: ${topics[i % topics.length]} number ${i * 7919}`, code: `fn_${i}(arg_${i}) => value_${i} * ${i}`, data: null };
}

const opts = { threshold: 0.9 };

describe("memory queue", () => {
  it("starts with the seed and never exceeds its capacity T", () => {
    let m: MemoryState<null> = createMemory(3, [candidate(0, 3)]);
    expect(m.entries.map((e) => e.id)).toEqual(["s0"]);
    for (let i = 1; i < 10; i++) m = offerToMemory(m, candidate(i, 2 + (i % 4)), opts).memory;
    expect(m.entries).toHaveLength(3);
  });

  it("evicts the lowest score when full, and reports the evicted entry", () => {
    let m = createMemory(3, [candidate(0, 4), candidate(1, 2), candidate(2, 5)]);
    expect(m.entries.map((e) => e.score)).toEqual([5, 4, 2]);
    const r = offerToMemory(m, candidate(3, 3), opts);
    expect(r.outcome.kind).toBe("inserted");
    if (r.outcome.kind !== "inserted") return;
    expect(r.outcome.evicted?.id).toBe("s1");
    m = r.memory;
    expect(m.entries.map((e) => e.id)).toEqual(["s2", "s0", "s3"]);
  });

  it("among equal lowest scores evicts the oldest", () => {
    const m = createMemory(2, [candidate(0, 3), candidate(1, 3)]);
    const r = offerToMemory(m, candidate(2, 3), opts);
    expect(r.outcome.kind === "inserted" && r.outcome.evicted?.id).toBe("s0");
    expect(r.memory.entries.map((e) => e.id).sort()).toEqual(["s1", "s2"]);
  });

  it("rejects a sample scored below every entry of a full memory without changing it", () => {
    const m = createMemory(2, [candidate(0, 4), candidate(1, 3)]);
    const r = offerToMemory(m, candidate(2, 2), opts);
    expect(r.outcome).toEqual({ kind: "rejected-low-score", lowest: { id: "s1", score: 3 } });
    expect(r.memory).toBe(m);
  });

  it("rejects a near-duplicate, naming the nearest entry and its similarity", () => {
    const m = createMemory(5, [candidate(0, 3), candidate(1, 3)]);
    const dup = { ...candidate(1, 5), id: "dup" };
    const r = offerToMemory(m, dup, opts);
    expect(r.outcome.kind).toBe("rejected-similar");
    if (r.outcome.kind !== "rejected-similar") return;
    expect(r.outcome.nearest.id).toBe("s1");
    expect(r.outcome.nearest.similarity).toBe(1);
    expect(r.memory.entries).toHaveLength(2);
  });

  it("uses the threshold as a strict bound: similarity below it enters, at or above it does not", () => {
    const base = { id: "a", score: 3, instruction: "alpha beta gamma delta", code: "x", data: null };
    const m = createMemory(5, [base]);
    // rouge-l("alpha beta gamma delta", "alpha beta gamma epsilon") = 2*3/8 = 0.75; code identical -> use instruction only
    const near = { id: "b", score: 3, instruction: "alpha beta gamma epsilon", code: "y", data: null };
    const spec = { instructionMeasure: "rouge-l" as const, codeMeasure: "jaccard" as const, combine: "instruction" as const, instructionWeight: 0.5 };
    expect(offerToMemory(m, near, { threshold: 0.75, similarity: spec }).outcome.kind).toBe("rejected-similar");
    const r = offerToMemory(m, near, { threshold: 0.76, similarity: spec });
    expect(r.outcome.kind).toBe("inserted");
    expect(r.outcome.kind === "inserted" && r.outcome.nearest?.similarity).toBeCloseTo(0.75, 10);
  });

  it("leaves the previous state untouched (plain immutable data)", () => {
    const m = createMemory(2, [candidate(0, 3)]);
    const before = JSON.stringify(m);
    offerToMemory(m, candidate(1, 4), opts);
    expect(JSON.stringify(m)).toBe(before);
  });
});
