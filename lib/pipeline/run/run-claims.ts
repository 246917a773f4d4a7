import "server-only";
import type { Db } from "@/lib/db/client";
import { rawExecute, rawQuery } from "@/lib/db/raw";

/**
 * Units of a run's generation (a seed task, the agents, a discussion) claimed by one of the run's
 * shard jobs with a lease, so that workers sharing the database split a run and none does a
 * unit twice. A claim whose lease ran out (its job died) can be taken by another job; the owner
 * renews its leases while it works. One statement per claim: an insert, or an update of an
 * expired (or already own) claim, atomic on SQLite and PostgreSQL alike.
 */
export class RunClaims {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly db: Db, private readonly runId: string, readonly owner: string, private readonly leaseMs: number) {}

  async claim(key: string): Promise<boolean> {
    const now = new Date();
    const rows = await rawQuery(
      this.db,
      `INSERT INTO "RunClaim" ("runId", "key", "owner", "leaseUntil") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("runId", "key") DO UPDATE SET "owner" = excluded."owner", "leaseUntil" = excluded."leaseUntil"
       WHERE "RunClaim"."leaseUntil" < $5 OR "RunClaim"."owner" = excluded."owner"
       RETURNING "key"`,
      [this.runId, key, this.owner, new Date(now.getTime() + this.leaseMs), now],
    );
    return rows.length === 1;
  }

  /** Keeps this owner's claims alive until stop(). */
  startRenewing(onError: (e: unknown) => void): void {
    this.timer ??= setInterval(() => {
      rawExecute(this.db, `UPDATE "RunClaim" SET "leaseUntil" = $1 WHERE "runId" = $2 AND "owner" = $3`, [new Date(Date.now() + this.leaseMs), this.runId, this.owner]).catch(onError);
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
