import { CodeEditor } from "@/components/samples/code-editor";
import { languageName, monacoLanguage } from "@/lib/domain/language-names";
import styles from "./corpora.module.css";

const LINE_PX = 19;

/**
 * One snippet, read-only in the shared Monaco editor (bundled locally, loaded in the browser
 * only) with its language's highlighting. The gutter numbers the lines as in the file (from the
 * snippet's start line). Remounted per snippet: the editor owns its text.
 */
export function SnippetCode({ id, code, language, startLine = 1 }: { id: string; code: string; language: string; startLine?: number }) {
  const lines = code.split("\n").length;
  const height = Math.min(520, Math.max(120, lines * LINE_PX + 16));
  return (
    <div className={styles.code} data-language={language} data-testid="snippet-code" role="region" aria-label={`${languageName(language)} code, file lines ${startLine}–${startLine + lines - 1}`}>
      <CodeEditor key={id} label="Snippet" language={monacoLanguage(language)} value={code} readOnly height={height} firstLine={startLine} />
    </div>
  );
}
