/**
 * What a file's first bytes say it is, and whether that matches the archive its name claims:
 * random bytes named `.tar.gz` are "not a valid archive", said before any size policy reads
 * them as one huge source file. Pure: the first 512 bytes (or fewer, for a short file) in.
 */

export type Sniffed = "zip" | "gzip" | "tar" | "other";

export function sniffHead(head: Uint8Array): Sniffed {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return "zip";
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 262 && String.fromCharCode(...head.subarray(257, 262)) === "ustar") return "tar";
  return "other";
}

const CLAIMS: [RegExp, Sniffed, string, string][] = [
  [/\.zip$/i, "zip", "zip", "PK\\x03\\x04"],
  [/\.(tar\.gz|tgz)$/i, "gzip", "tar.gz", "gzip's 1f 8b"],
  [/\.tar$/i, "tar", "tar", "a tar header"],
];

/** The reason a file named like an archive is not one (null when the name claims no archive, or the bytes agree). */
export function archiveMismatch(name: string, head: Uint8Array): string | null {
  const claim = CLAIMS.find(([re]) => re.test(name));
  if (!claim) return null;
  const [, want, label, magic] = claim;
  const got = sniffHead(head);
  if (got === want) return null;
  const what = got === "other" ? "its first bytes are not an archive's" : `it is a ${got === "gzip" ? "gzip" : got} file`;
  return `${name} is not a valid ${label} archive: ${what} (a ${label} file starts with ${magic}). Nothing was imported.`;
}
