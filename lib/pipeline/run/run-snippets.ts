import "server-only";
import type { Db } from "@/lib/db/client";
import type { RunConfig } from "@/lib/domain/run-config";
import type { Snippet } from "@/lib/domain/sample";
import { AppError } from "@/lib/errors";

/**
 * The seed stage's input: the run's corpus snippets that were not dropped (duplicates,
 * contamination) in the run's languages, in a stable order (by id) so that a resumed run and a
 * rerun of the same config plan the same steps. The runtime names a snippet by its content
 * hash (step ids, and so the scripted model's answers, derive from it): the same code imported
 * again gives the same samples. `dbIds` maps those names back to Snippet rows.
 */
export async function loadRunSnippets(db: Db, corpusId: string | null, config: RunConfig): Promise<Snippet[]> {
  return (await loadRunSnippetRows(db, corpusId, config)).snippets;
}

export async function loadRunSnippetRows(db: Db, corpusId: string | null, config: RunConfig): Promise<{ snippets: Snippet[]; dbIds: Map<string, string> }> {
  if (!corpusId) throw new AppError("invalid:run", "This run has no corpus: create it with a corpus or with snippets.");
  const rows = await db.snippet.findMany({
    where: { corpusId, dropped: null, language: { in: config.languages } },
    orderBy: { id: "asc" },
    select: { id: true, language: true, content: true, hash: true },
  });
  if (rows.length === 0) throw new AppError("invalid:run", `The corpus has no usable snippets in the run's languages (${config.languages.join(", ")}).`);
  const dbIds = new Map<string, string>();
  const snippets = rows.map((r) => {
    const base = `s-${r.hash.slice(0, 12)}`;
    let id = base;
    for (let n = 2; dbIds.has(id); n++) id = `${base}-${n}`;
    dbIds.set(id, r.id);
    return { id, language: r.language, code: r.content };
  });
  return { snippets, dbIds };
}
