import { AppError } from "@/lib/errors";

/**
 * Python's json module writes NaN/Infinity, which JSON.parse refuses; EvalPlus inputs contain
 * them. Outside of strings they become {"$float": "..."} (the EvalPlus harness turns them back).
 */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (first) {
    const patched = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (m) => (m.startsWith('"') ? m : `{"$float":"${m === "NaN" ? "nan" : m.replace("Infinity", "inf")}"}`));
    if (patched === text) throw first;
    return JSON.parse(patched);
  }
}

/** Parses JSON Lines; blank lines are skipped; an error names the file and the 1-based line. */
export function parseJsonl(text: string, source: string): { line: number; value: unknown }[] {
  const out: { line: number; value: unknown }[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === "") continue;
    try {
      out.push({ line: i + 1, value: parseLenient(raw) });
    } catch (e) {
      throw new AppError("invalid:benchmark", `${source}, line ${i + 1}: not valid JSON (${(e as Error).message}).`, { cause: e, detail: { line: i + 1 } });
    }
  }
  return out;
}

export function parseJson(text: string, source: string): unknown {
  try {
    return parseLenient(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split("\n").length : null;
    throw new AppError("invalid:benchmark", `${source}${line ? `, line ${line}` : ""}: not valid JSON (${(e as Error).message}).`, { cause: e, detail: { line } });
  }
}
