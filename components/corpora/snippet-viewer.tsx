import Link from "next/link";
import { languageName } from "@/lib/domain/language-names";
import type { Page, SnippetDetail, SnippetListItem } from "@/lib/corpora/queries";
import { Pager } from "./pager";
import { SnippetCode } from "./snippet-code";
import { fmtInt } from "@/components/ui/format";
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
      <nav className="row" style={{ marginBottom: 8 }} aria-label="Filter snippets by language">
        <Link href={hrefFor({ lang: undefined, file: undefined, page: undefined, snippet: undefined }) + "#snippets"} className={!filter.language && !filter.fileId ? "badge" : undefined} aria-current={!filter.language && !filter.fileId ? "true" : undefined}>all</Link>
        {languages.map((l) => (
          <Link key={l} href={hrefFor({ lang: l, file: undefined, page: undefined, snippet: undefined }) + "#snippets"} className={filter.language === l ? "badge" : undefined} aria-current={filter.language === l ? "true" : undefined}>{languageName(l)}</Link>
        ))}
        {filter.filePath ? <span className="badge" style={{ overflowWrap: "anywhere" }}>file: {filter.filePath}</span> : null}
      </nav>
      <div className={styles.viewer}>
        <div>
          <ul className={styles.snippetList} data-testid="snippet-list">
            {list.items.length === 0 ? <li className="muted" style={{ padding: "6px 10px" }}>No snippet matches this filter.</li> : null}
            {list.items.map((s) => (
              <li key={s.id} className={selected?.id === s.id ? styles.selected : undefined}>
                <Link href={hrefFor({ snippet: s.id }) + "#snippets"} aria-current={selected?.id === s.id ? "true" : undefined}>
                  <span className={`muted ${styles.preview}`} title={s.path ?? undefined}>{s.path ?? "?"}:{s.startLine}–{s.endLine ?? "?"}</span>
                  <span className="muted">{languageName(s.language)} · {fmtInt(s.tokens)} tokens</span>
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
              <p className="muted" style={{ marginTop: 0, overflowWrap: "anywhere" }} data-testid="snippet-meta">
                <code>{selected.path}</code> · lines {selected.startLine}–{selected.endLine ?? "?"} of the file · {languageName(selected.language)} · {fmtInt(selected.tokens)} tokens
              </p>
              <SnippetCode id={selected.id} code={selected.content} language={selected.language} startLine={selected.startLine} />
            </>
          ) : (
            <p className="muted">Pick a snippet on the left to read it.</p>
          )}
        </div>
      </div>
    </>
  );
}
