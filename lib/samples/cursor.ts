import { AppError } from "@/lib/errors";

/**
 * Keyset cursors: the sort key of the last row of a page, opaque to clients (base64url JSON).
 * "new" pages by id (cuids grow with creation time); "score" by score (highest first, unscored
 * last), then id.
 */
export type SampleSort = "new" | "score";
export interface Cursor {
  sort: SampleSort;
  id: string;
  score?: number | null;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.id, c.score ?? null])).toString("base64url");
}

export function decodeCursor(text: string, sort: SampleSort): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[1] !== "string" || (parsed[2] !== null && typeof parsed[2] !== "number")) {
    throw new AppError("invalid:cursor", "The page cursor is not valid; reload the list.");
  }
  if (parsed[0] !== sort) throw new AppError("invalid:cursor", "The page cursor belongs to another sort order; reload the list.");
  return { sort, id: parsed[1], score: parsed[2] };
}
