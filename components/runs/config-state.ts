import type { RunConfigIssue } from "@/lib/domain/run-config";

/** Form helpers over the run config object: immutable path updates and issue lookup. */

export type Plain = Record<string, unknown>;

export function getIn(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Plain)[k] : undefined), obj);
}

export function setIn<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split(".");
  const base = (obj && typeof obj === "object" ? obj : {}) as Plain;
  return { ...base, [head]: rest.length ? setIn(base[head], rest.join("."), value) : value } as T;
}

/** A number input's value: a number when it reads as one, else the raw text (the schema then says why). */
export function numberInput(text: string): number | string {
  const t = text.trim();
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** The same for a field the schema lets be null: left empty, it stores null. */
export function optionalNumberInput(text: string): number | string | null {
  return text.trim() === "" ? null : numberInput(text);
}

/** Schema messages in words a form user reads. */
export function friendlyMessage(message: string): string {
  if (/expected number, received (string|NaN|undefined)/i.test(message)) return "Enter a number.";
  if (/expected int/i.test(message)) return "Enter a whole number.";
  return message.replace(/^Too small: expected (\w+) to (?:have|be) /i, "Must be ").replace(/^Too big: expected (\w+) to (?:have|be) /i, "Must be ");
}

/** Issues keyed by dotted path; an issue inside a list (languages.2) also shows on the list. */
export function issuesByPath(issues: RunConfigIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) {
    const msg = friendlyMessage(i.message);
    const full = i.path.join(".");
    const parent = i.path.filter((p) => typeof p === "string").join(".");
    for (const key of new Set([full, parent])) map.set(key, [...(map.get(key) ?? []), msg]);
  }
  return map;
}
