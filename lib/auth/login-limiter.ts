/**
 * Failed sign-ins counted per client in a sliding window (in memory: one web process; a
 * restart forgets, which only helps the user who locked themselves out). Past the limit a
 * client waits for its oldest failure to age out. A global cap bounds guessing from many
 * addresses.
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

/** Set by the web server on every request to the socket's address (scripts/lib/peer-address.mjs). */
export const PEER_HEADER = "x-xinstruct-peer";

/**
 * The client a sign-in comes from. Without a trusted proxy (trustedHops 0): the socket's address;
 * a client's own X-Forwarded-For is ignored, since anyone can send one. Behind `trustedHops`
 * reverse proxies that each append the address they saw: the entry that many places from the
 * right end of X-Forwarded-For (what a client put before it is as forgeable as ever).
 */
export function clientKey(headers: { get(name: string): string | null }, trustedHops = 0): string {
  const peer = headers.get(PEER_HEADER)?.trim() || "unknown";
  if (trustedHops <= 0) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length === 0) return peer;
  return hops[Math.max(0, hops.length - trustedHops)];
}
