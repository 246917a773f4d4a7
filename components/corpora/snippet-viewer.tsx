import Link from "next/link";
import { languageName } from "@/lib/domain/language-names";
import type { Page, SnippetDetail, SnippetListItem } from "@/lib/corpora/queries";
import { Pager } from "./pager";
import { SnippetCode } from "./snippet-code";
import styles from "./corpora.module.css";

/** A paginated snippet list (filter by language or file) beside the selected snippet's code. */
export function SnippetViewer({ list, selected, languages, filter, hrefFor }: {
  list: Page<SnippetListItem>;
  selected: SnippetDetail | null;
  languages: string[];
  filter: { language?: string; fileId?: string; filePath?: string };
  hrefFor: (patch: Record<string, string | undefined>) => string;
}) {
  return (
    <>
      <div className="row" style={{ marginBottom: 8 }} aria-label="Filter snippets by language">
        <Link href={hrefFor({ lang: undefined, file: undefined, page: undefined, snippet: undefined }) + "#snippets"} className={!filter.language && !filter.fileId ? "badge" : undefined}>all</Link>
        {languages.map((l) => (
          <Link key={l} href={hrefFor({ lang: l, file: undefined, page: undefined, snippet: undefined }) + "#snippets"} className={filter.language === l ? "badge" : undefined}>{languageName(l)}</Link>
        ))}
        {filter.filePath ? <span className="badge">file: {filter.filePath}</span> : null}
      </div>
      <div className={styles.viewer}>
        <div>
          <ul className={styles.snippetList} data-testid="snippet-list">
            {list.items.map((s) => (
              <li key={s.id} className={selected?.id === s.id ? styles.selected : undefined}>
                <Link href={hrefFor({ snippet: s.id }) + "#snippets"}>
                  <span className="muted">{s.path ?? "?"}:{s.startLine} · {languageName(s.language)} · {s.tokens} tokens</span>
                  <span className={styles.preview}>{s.preview}</span>
                </Link>
              </li>
            ))}
          </ul>
          <Pager page={list.page} pageSize={list.pageSize} total={list.total} hrefFor={(p) => hrefFor({ page: String(p), snippet: undefined }) + "#snippets"} label="snippets" />
        </div>
        <div>
          {selected ? (
            <>
              <p className="muted" style={{ marginTop: 0 }} data-testid="snippet-meta">
                <code>{selected.path}</code> lines {selected.startLine}–{selected.endLine ?? "?"} · {languageName(selected.language)} · {selected.tokens} tokens
              </p>
              <SnippetCode code={selected.content} language={selected.language} startLine={selected.startLine} />
            </>
          ) : (
            <p className="muted">No snippet here.</p>
          )}
        </div>
      </div>
    </>
  );
}
