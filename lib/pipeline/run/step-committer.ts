import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { randomUUID } from "node:crypto";
import { bulkInsert, dialectOf, TABLES, type Dialect } from "./bulk-insert";
import { runTopic } from "./ids";
import { redactSecrets } from "./redact";
import type { StepWrite } from "./step-writes";

/**
 * Group commit of finished steps. Each step's rows and its ledger entry go into the same
 * transaction, so a step is stored wholly or not at all; steps that finish while a transaction
 * runs wait for the next one, which keeps the database off the critical path at high
 * concurrency. Transactions run one after another in completion order, so a discussion is
 * never stored before the ones it depended on. Each transaction first checks that the job's
 * attempt still holds the lease (the fencing token): a worker that lost its job writes nothing.
 */

export interface CommitterOptions {
  runId: string;
  fence?: { jobId: string; attempt: number };
  /** strings that must never reach the event log (API keys) */
  secrets?: string[];
  maxBatch?: number;
  /** called inside each transaction with the batch: run-level rows to update and extra events */
  onBatch?: (batch: StepWrite[]) => { run?: Record<string, unknown>; events?: { type: string; data: object }[] };
  onError?: (error: unknown) => void;
}

const SQLITE_WRITER_GAP_MS = 110;

export class LeaseLostError extends AppError {
  constructor() {
    super("conflict:lease", "This worker no longer holds the run's job; another worker continues it.", { status: 409 });
  }
}

export class StepCommitter {
  private pending: StepWrite[] = [];
  private extra: { type: string; data: object }[] = [];
  private running: Promise<void> | null = null;
  error: unknown = null;
  committed = 0;
  private dialect: Dialect | undefined;

  constructor(private readonly db: Db, private readonly opts: CommitterOptions) {}

  add(write: StepWrite): void {
    this.pending.push(write);
    this.kick();
  }

  /** Events with no step of their own (stage changes); stored with the next batch. */
  addEvent(type: string, data: object): void {
    this.extra.push({ type, data });
    this.kick();
  }

  /** Resolves when everything added so far is stored; rejects with the first failure. */
  async flush(): Promise<void> {
    while (!this.error && (this.running || this.pending.length || this.extra.length)) {
      if (!this.running) this.kick();
      await this.running;
    }
    if (this.running) await this.running;
    if (this.error) throw this.error;
  }

  private kick(): void {
    if (this.running || this.error) return;
    this.running = (async () => {
      // let steps finishing in the same tick join the batch
      await new Promise((r) => setImmediate(r));
      while (!this.error && (this.pending.length || this.extra.length)) {
        const batch = this.pending.splice(0, this.opts.maxBatch ?? 256);
        const extra = this.extra.splice(0);
        try {
          await this.commit(batch, extra);
          this.committed += batch.length;
        } catch (e) {
          this.error = e;
          this.opts.onError?.(e);
        }
        // SQLite has one writer at a time and a waiting connection (the web server pausing the
        // run, another worker) retries every 100 ms: leave it that window between transactions
        if (this.dialect === "sqlite" && !this.error && (this.pending.length || this.extra.length)) await new Promise((r) => setTimeout(r, SQLITE_WRITER_GAP_MS));
      }
    })().finally(() => {
      this.running = null;
    });
  }

  private async commit(batch: StepWrite[], extra: { type: string; data: object }[]): Promise<void> {
    const { runId, fence, secrets = [] } = this.opts;
    const topic = runTopic(runId);
    const side = this.opts.onBatch?.(batch) ?? {};
    const events = [...batch.flatMap((w) => w.events), ...extra, ...(side.events ?? [])].map((e) => ({ topic, type: e.type, data: redactSecrets(e.data, secrets) }));
    const all = <K extends "samples" | "agents" | "memoryInserts" | "evictions" | "reflections" | "messages">(k: K) => batch.flatMap((w) => w[k] as unknown[]) as StepWrite[K];
    const dialect = (this.dialect ??= dialectOf(this.db));
    const stepRows = batch.map((w) => ({ id: `${runId}:${w.step.key}`, runId, ...redactSecrets(w.step, secrets) }));
    await this.db.$transaction(
      async (tx) => {
        if (fence && (await tx.job.count({ where: { id: fence.jobId, attempts: fence.attempt, status: "running" } })) === 0) throw new LeaseLostError();
        await bulkInsert(tx, dialect, TABLES.runStep, stepRows);
        await bulkInsert(tx, dialect, TABLES.agent, all("agents"));
        await bulkInsert(tx, dialect, TABLES.sample, all("samples"));
        await bulkInsert(tx, dialect, TABLES.memoryEntry, all("memoryInserts").map((m) => ({ id: randomUUID(), ...m })));
        const evictions = all("evictions");
        if (evictions.length) {
          await tx.memoryEntry.updateMany({ where: { evictedAt: null, OR: evictions }, data: { evictedAt: new Date() } });
        }
        await bulkInsert(tx, dialect, TABLES.reflection, all("reflections").map((r) => ({ id: randomUUID(), ...r })));
        await bulkInsert(tx, dialect, TABLES.message, all("messages"));
        await bulkInsert(tx, dialect, TABLES.event, events);
        if (side.run) await tx.run.update({ where: { id: runId }, data: redactSecrets(side.run, secrets) });
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  }
}
