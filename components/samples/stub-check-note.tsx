/** What the vacuous-test check found: the tests run against a stub of the solution (stage verify). */
export function StubCheckNote({ check, note }: { check: string | null; note: string | null }) {
  if (!check) return null;
  const text =
    check === "vacuous"
      ? "Vacuous tests: they also pass when every function of the solution is a stub, so they assert nothing. The sample does not count as verified and its tests label no DPO answer."
      : check === "unavailable"
        ? `Stub check unavailable${note ? `: ${note}` : ""}. Whether the tests assert anything is not known.`
        : "The tests fail against a stub of the solution: they check what it does.";
  return <p className={check === "genuine" ? "muted" : "error"} data-testid="stub-check">{text}</p>;
}
