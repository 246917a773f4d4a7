/** Verdict of a sample whose tests could not be written: kept, never executed. */
export const NO_TESTS = "no_tests";

/**
 * Verdict of a sample whose tests pass, but pass a stub of its solution too (stub-check.ts):
 * they assert nothing, so the sample is not verified and its tests judge no other answer.
 */
export const VACUOUS = "vacuous";

/** Verdicts that say nothing against the sample: it passed, or it could not be judged. */
export const NOT_FAILING_VERDICTS: readonly string[] = ["ok", "unavailable", NO_TESTS, VACUOUS];
const NOT_FAILING = new Set(NOT_FAILING_VERDICTS);

/**
 * Whether stage "verify" found that a sample's own tests fail (compile error, exception,
 * timeout, resource limits). Unverified samples (null) are not failing: nothing is known.
 */
export function failsOwnTests(verdict: string | null | undefined): boolean {
  return verdict != null && !NOT_FAILING.has(verdict);
}
