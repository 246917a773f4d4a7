import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { cancelJob, claimJob, completeJob, failJob, heartbeatJob, jobTopic } from "@/lib/jobs/queue";
import { enqueueJob, enqueueJobByName } from "@/lib/jobs/enqueue";
import { listEvents } from "@/lib/events/store";
import { RateLimitedError, UnrecoverableError } from "@/lib/jobs/errors";

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(async () => { await t.cleanup(); });
beforeEach(async () => { await t.db.job.deleteMany(); });

describe("job queue", () => {
  it("claims a queued job once, with a lease, and records completion and an end event", async () => {
    const job = await enqueueJob(t.db, "demo.progress", { steps: 2, delayMs: 0 });
    const claimed = await claimJob(t.db, "w1", 10_000);
    expect(claimed?.id).toBe(job.id);
    expect(claimed?.status).toBe("running");
    expect(claimed?.attempts).toBe(1);
    expect(claimed!.leaseUntil!.getTime()).toBeGreaterThan(Date.now() + 5_000);
    expect(await claimJob(t.db, "w2", 10_000)).toBeNull();
    expect(await completeJob(t.db, claimed!, { ok: 1 })).toBe(true);
    const row = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.status).toBe("succeeded");
    expect(row.result).toEqual({ ok: 1 });
    const events = await listEvents(t.db, jobTopic(job.id), 0);
    expect(events.map((e) => e.type)).toEqual(["queued", "end"]);
    expect(events[1].seq).toBeGreaterThan(events[0].seq);
  });

  it("rejects an unknown type or an invalid payload without writing a row (a 400 for a route)", async () => {
    await expect(enqueueJobByName(t.db, "nope", {})).rejects.toMatchObject({ code: "invalid:job_type", status: 400 });
    await expect(enqueueJob(t.db, "demo.progress", { steps: -1 })).rejects.toMatchObject({ code: "invalid:job_payload", status: 400 });
    await expect(enqueueJobByName(t.db, "evaluation.run", { evaluationId: 7 })).rejects.toMatchObject({ code: "invalid:job_payload", status: 400 });
    expect(await t.db.job.count()).toBe(0);
  });

  it("types a payload from its job's contract: a wrong one does not compile (tsc / next build check these lines)", async () => {
    const wrong = async () => {
      // @ts-expect-error an unknown job type
      await enqueueJob(t.db, "nope", {});
      // @ts-expect-error evaluationId is a string
      await enqueueJob(t.db, "evaluation.run", { evaluationId: 7 });
      // @ts-expect-error a training job's payload names the training job
      await enqueueJob(t.db, "training.run", { runId: "r" });
    };
    await expect(wrong()).rejects.toMatchObject({ code: "invalid:job_type" });
    expect(await t.db.job.count()).toBe(0);
  });

  it("retries a retryable failure later with backoff, and fails for good after maxAttempts", async () => {
    const job = await enqueueJob(t.db, "demo.progress", {}, { maxAttempts: 2 });
    const a1 = (await claimJob(t.db, "w1", 10_000))!;
    expect(await failJob(t.db, a1, new Error("connection reset"))).toBe("retry");
    let row = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.status).toBe("queued");
    expect(row.errorKind).toBe("retryable");
    expect(row.lastError).toBe("connection reset");
    expect(row.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await claimJob(t.db, "w1", 10_000)).toBeNull(); // not before its backoff
    await t.db.job.update({ where: { id: job.id }, data: { runAt: new Date(Date.now() - 1) } });
    const a2 = (await claimJob(t.db, "w1", 10_000))!;
    expect(a2.attempts).toBe(2);
    expect(await failJob(t.db, a2, new Error("connection reset again"))).toBe("failed");
    row = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.status).toBe("failed");
    expect(row.lastError).toBe("connection reset again");
  });

  it("stops at once on an unrecoverable failure and reschedules a rate-limited one after retry-after", async () => {
    const bad = await enqueueJob(t.db, "demo.progress", {});
    expect(await failJob(t.db, (await claimJob(t.db, "w", 10_000))!, new UnrecoverableError("bad input"))).toBe("failed");
    expect((await t.db.job.findUniqueOrThrow({ where: { id: bad.id } })).errorKind).toBe("unrecoverable");
    const limited = await enqueueJob(t.db, "demo.progress", {});
    const before = Date.now();
    expect(await failJob(t.db, (await claimJob(t.db, "w", 10_000))!, new RateLimitedError("429", 60_000))).toBe("retry");
    const row = await t.db.job.findUniqueOrThrow({ where: { id: limited.id } });
    expect(row.errorKind).toBe("rate_limited");
    expect(row.runAt.getTime()).toBeGreaterThanOrEqual(before + 60_000);
  });

  it("gives a job whose lease expired (its worker died) to another worker, and fences the old one out", async () => {
    const job = await enqueueJob(t.db, "demo.progress", {});
    const dead = (await claimJob(t.db, "dead-worker", 10_000))!;
    expect(await claimJob(t.db, "w2", 10_000)).toBeNull();
    await t.db.job.update({ where: { id: job.id }, data: { leaseUntil: new Date(Date.now() - 1) } });
    const taken = (await claimJob(t.db, "w2", 10_000))!;
    expect(taken.id).toBe(job.id);
    expect(taken.lockedBy).toBe("w2");
    expect(taken.attempts).toBe(2);
    // The old worker wakes up: its heartbeat and completion no longer count.
    expect(await heartbeatJob(t.db, dead, 10_000)).toBe(false);
    expect(await completeJob(t.db, dead, "stale")).toBe(false);
    expect(await completeJob(t.db, taken, "fresh")).toBe(true);
    expect((await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).result).toBe("fresh");
  });

  it("never hands the same job to two concurrent claimers", async () => {
    for (let i = 0; i < 30; i++) await enqueueJob(t.db, "noop", {});
    const claims = await Promise.all(Array.from({ length: 60 }, (_, i) => claimJob(t.db, `w${i}`, 10_000)));
    const ids = claims.filter(Boolean).map((j) => j!.id);
    expect(new Set(ids).size).toBe(ids.length);
    const running = await t.db.job.count({ where: { status: "running" } });
    expect(running).toBe(ids.length);
  });

  it("cancels a running job so its heartbeat reports it lost", async () => {
    const job = await enqueueJob(t.db, "demo.progress", {});
    const claimed = (await claimJob(t.db, "w", 10_000))!;
    expect((await cancelJob(t.db, job.id)).status).toBe("cancelled");
    expect(await heartbeatJob(t.db, claimed, 10_000)).toBe(false);
    await expect(cancelJob(t.db, "missing")).rejects.toMatchObject({ code: "not_found:job" });
  });
});
