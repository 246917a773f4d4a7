/**
 * Failed sign-ins counted per client in a sliding window (in memory: one web process; a
 * restart forgets, which only helps the user who locked themselves out). Past the limit a
 * client waits for its oldest failure to age out. A global cap bounds guessing from many
 * addresses (or a forged X-Forwarded-For, which Next passes through when a client sends one).
 */
export interface LimiterOptions {
  perClient: number;
  global: number;
  windowMs: number;
}

export const LOGIN_LIMITS: LimiterOptions = { perClient: 10, global: 100, windowMs: 15 * 60_000 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  private all: number[] = [];

  constructor(private readonly o: LimiterOptions = LOGIN_LIMITS) {}

  /** Seconds to wait before this client may try again, or 0. */
  retryAfterSeconds(client: string, now = Date.now()): number {
    const mine = this.recent(client, now);
    this.all = this.all.filter((t) => t > now - this.o.windowMs);
    const waits = [mine.length >= this.o.perClient ? mine[mine.length - this.o.perClient] : null, this.all.length >= this.o.global ? this.all[this.all.length - this.o.global] : null]
      .filter((t): t is number => t !== null)
      .map((oldest) => Math.ceil((oldest + this.o.windowMs - now) / 1000));
    return waits.length ? Math.max(1, ...waits) : 0;
  }

  fail(client: string, now = Date.now()): void {
    this.failures.set(client, [...this.recent(client, now), now]);
    this.all.push(now);
    if (this.failures.size > 10_000) for (const [k, v] of this.failures) if (!v.some((t) => t > now - this.o.windowMs)) this.failures.delete(k);
  }

  succeed(client: string): void {
    this.failures.delete(client);
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((t) => t > now - this.o.windowMs);
  }
}

/** The client a sign-in comes from: the first X-Forwarded-For hop (Next sets it to the socket's address when absent). */
export function clientKey(headers: { get(name: string): string | null }): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
