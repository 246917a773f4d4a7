import Link from "next/link";
import type { CorpusFileRow, Page } from "@/lib/corpora/queries";
import { RelabelFileForm } from "./relabel-file-form";
import { Pager } from "./pager";
import { fmtBytes, fmtInt } from "@/components/ui/format";

/** Imported files with their language (changeable) and snippet counts. */
export function FilesTable({ corpusId, files, hrefFor }: { corpusId: string; files: Page<CorpusFileRow>; hrefFor: (patch: Record<string, string | undefined>) => string }) {
  return (
    <>
      <div className="table-wrap">
      <table data-testid="files">
        <thead><tr><th>Path</th><th>Language</th><th>Detected by</th><th className="num">Size</th><th className="num">Snippets</th></tr></thead>
        <tbody>
          {files.items.map((f) => (
            <tr key={f.id}>
              <td><Link href={hrefFor({ file: f.id, page: undefined, snippet: undefined }) + "#snippets"}><code>{f.path}</code></Link></td>
              <td><RelabelFileForm corpusId={corpusId} fileId={f.id} language={f.language} path={f.path} /></td>
              <td className="muted">{f.languageSource ?? ""}</td>
              <td className="num" title={`${fmtInt(f.bytes)} bytes`}>{fmtBytes(f.bytes)}</td>
              <td className="num">{fmtInt(f.snippets)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <Pager page={files.page} pageSize={files.pageSize} total={files.total} hrefFor={(p) => hrefFor({ files: String(p) }) + "#files"} label="files" />
    </>
  );
}
