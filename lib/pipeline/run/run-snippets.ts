import "server-only";
import type { Db } from "@/lib/db/client";
import type { RunConfig } from "@/lib/domain/run-config";
import type { Snippet } from "@/lib/domain/sample";
import { AppError } from "@/lib/errors";

/**
 * The seed stage's input: the run's corpus snippets that were not dropped (duplicates,
 * contamination) in the run's languages, in a stable order (by id) so that a resumed run and a
 * rerun of the same config on the same corpus plan the same steps.
 */
export async function loadRunSnippets(db: Db, corpusId: string | null, config: RunConfig): Promise<Snippet[]> {
  if (!corpusId) throw new AppError("invalid:run", "This run has no corpus: create it with a corpus or with snippets.");
  const rows = await db.snippet.findMany({
    where: { corpusId, dropped: null, language: { in: config.languages } },
    orderBy: { id: "asc" },
    select: { id: true, language: true, content: true },
  });
  if (rows.length === 0) throw new AppError("invalid:run", `The corpus has no usable snippets in the run's languages (${config.languages.join(", ")}).`);
  return rows.map((r) => ({ id: r.id, language: r.language, code: r.content }));
}
