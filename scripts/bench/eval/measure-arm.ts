import { closeDefaultPool, type SandboxPool } from "@/lib/sandbox";

export interface ArmRun {
  wallMs: number;
  /** CPU seconds of this process and its children, warm compilers included (they are stopped before reading) */
  cpuS: number;
  /** mean fraction of the pool's slots running a program, sampled every 20 ms */
  busy: number;
  passed: number;
}

/** Times one arm on `pool` (null: no sandbox, busy is then 0) and closes the pool after it. */
export async function measureArm(pool: SandboxPool | null, work: () => Promise<number>, cpuSeconds: () => number): Promise<ArmRun> {
  let samples = 0;
  let busySum = 0;
  const timer = setInterval(() => {
    samples++;
    busySum += pool ? pool.running / pool.size : 0;
  }, 20);
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  try {
    const passed = await work();
    const wallMs = performance.now() - t0;
    clearInterval(timer);
    await closeDefaultPool();
    return { wallMs, cpuS: cpuSeconds() - cpu0, busy: samples ? busySum / samples : 0, passed };
  } finally {
    clearInterval(timer);
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
