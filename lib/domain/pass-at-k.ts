/**
 * Unbiased pass@k estimator (Chen et al. 2021): for a problem with n samples of which c pass,
 * pass@k = 1 - C(n-c, k) / C(n, k). Computed in the product form
 * 1 - prod_{i=n-c+1}^{n} (1 - k/i), which never forms the huge binomials.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k)) {
    throw new RangeError(`pass@k needs integers, got n=${n} c=${c} k=${k}`);
  }
  if (k < 1 || n < k || c < 0 || c > n) {
    throw new RangeError(`pass@k needs 1 <= k <= n and 0 <= c <= n, got n=${n} c=${c} k=${k}`);
  }
  if (n - c < k) return 1;
  let failAll = 1;
  for (let i = n - c + 1; i <= n; i++) failAll *= 1 - k / i;
  return 1 - failAll;
}

export interface ProblemCounts {
  /** samples generated and executed */
  n: number;
  /** samples that passed */
  c: number;
}

/**
 * Mean pass@k over problems, or null when some problem has fewer than k samples (the estimate
 * is undefined there) or there are no problems.
 */
export function meanPassAtK(problems: ProblemCounts[], k: number): number | null {
  if (problems.length === 0) return null;
  if (problems.some((p) => p.n < k)) return null;
  let sum = 0;
  for (const p of problems) sum += passAtK(p.n, p.c, k);
  return sum / problems.length;
}

/** The k values worth reporting for n samples per problem: 1, 10, 100 up to n. */
export function reportableKs(minSamples: number): number[] {
  return [1, 10, 100].filter((k) => k <= minSamples);
}
