/**
 * How many threads llama.cpp should use. Its threads spin while they wait for work, so asking
 * for more than the cores really free makes everything slower, not faster: on a busy 2-core
 * machine the default (4) made 50 tokens take 55 s instead of 60 ms. Free cores = the cores
 * there are minus the 1-minute load average (rounded), at least 1; an endpoint's `threads`
 * overrides it.
 */
export function freeThreads({ cores, loadAverage, override }: { cores: number; loadAverage: number; override?: number }): number {
  if (override !== undefined) return Math.max(1, Math.floor(override));
  const free = Math.round(cores - Math.max(0, loadAverage));
  return Math.max(1, Math.min(Math.max(1, cores), free));
}
