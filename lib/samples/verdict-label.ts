/**
 * A sample's verdict as the table shows it: passing tests whose stub check was unavailable say
 * so, vacuous tests are named for what they are. Pure.
 */
export function verdictLabel(verdict: string | null, stubCheck: string | null): string {
  if (verdict === null) return "not run";
  if (verdict === "vacuous") return "vacuous tests";
  if (verdict === "ok" && stubCheck === "unavailable") return "ok (stub check unavailable)";
  return verdict;
}
