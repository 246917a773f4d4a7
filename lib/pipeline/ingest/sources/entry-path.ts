/**
 * Validates an archive entry name. Returns the cleaned relative path ("a/b.py"), or null for a
 * name that could escape the extraction root: absolute ("/etc/x", "C:\x", "\\host\x") or with
 * a ".." segment. Backslashes count as separators, as Windows tools write them.
 */
export function safeEntryPath(name: string): string | null {
  const unified = name.replace(/\\/g, "/");
  if (unified.startsWith("/") || /^[a-zA-Z]:/.test(unified)) return null;
  const parts = unified.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.includes("..")) return null;
  return parts.join("/");
}
