import Link from "next/link";

export default function NotFound() {
  return (
    <div className="empty">
      <strong>Not found</strong>
      <div style={{ marginTop: 8 }}>This page or record does not exist. <Link href="/">Back to the overview</Link></div>
    </div>
  );
}
