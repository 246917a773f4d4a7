import Link from "next/link";
import styles from "./corpora.module.css";

export function Pager({ page, pageSize, total, hrefFor, label }: { page: number; pageSize: number; total: number; hrefFor: (page: number) => string; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav className={styles.pager} aria-label={`${label} pages`}>
      {page > 1 ? <Link href={hrefFor(page - 1)}>← previous</Link> : <span className="muted">← previous</span>}
      <span>page {page} of {pages} · {total} {label}</span>
      {page < pages ? <Link href={hrefFor(page + 1)}>next →</Link> : <span className="muted">next →</span>}
    </nav>
  );
}
