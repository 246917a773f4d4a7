/**
 * Where to go after signing in: a path on this app only. `//evil.com`, `/\evil.com` (browsers
 * read a backslash as a slash), `/%5Cevil.com` after decoding, schemes and control characters
 * would all leave the app, so anything that does not stay on the same origin becomes "/".
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(next) || next.startsWith("//")) return "/";
  let decoded = next;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return "/";
  }
  if (/^\/[\\/]/.test(decoded) || /[\\\u0000-\u001f\u007f]/.test(decoded)) return "/";
  const base = "http://xinstruct.invalid";
  const url = new URL(next, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : "/";
}
