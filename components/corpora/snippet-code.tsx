import styles from "./corpora.module.css";

/**
 * A read-only code view of one snippet. Plain <pre> for now; to be switched to the shared
 * Monaco viewer at merge (same props).
 */
export function SnippetCode({ code, language, startLine = 1 }: { code: string; language: string; startLine?: number }) {
  const width = String(startLine + code.split("\n").length).length;
  const numbered = code
    .split("\n")
    .map((line, i) => `${String(startLine + i).padStart(width)}  ${line}`)
    .join("\n");
  return (
    <pre className={styles.code} data-language={language} data-testid="snippet-code" aria-label={`${language} code`}>
      <code>{numbered}</code>
    </pre>
  );
}
