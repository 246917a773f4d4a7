import fs from "node:fs";
import path from "node:path";
import { PROJECT, python, tempDir } from "@/lib/pipeline/ingest/testing/fixtures";

export { PROJECT, tempDir };

/** Writes a zip with Python's zipfile: entries with text, or runs of zero bytes (bombs). */
export function makeZip(file: string, entries: ({ name: string; data: string } | { name: string; zeros: number })[]): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  python(
    `import sys, zipfile, json
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for e in json.loads(sys.argv[2]):
        z.writestr(e["name"], e["data"].encode() if "data" in e else b"\\0" * e["zeros"])`,
    file,
    JSON.stringify(entries),
  );
  return file;
}

/** A zip of 40 one-MiB runs of zeros: the whole-archive ratio check calls it a zip bomb. */
export const zipBomb = (file: string) => makeZip(file, Array.from({ length: 40 }, (_, i) => ({ name: `f${i}.py`, zeros: 1024 * 1024 })));

/** The small real project as a folder. */
export function writeProject(dir: string): string {
  for (const [rel, content] of Object.entries(PROJECT)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** The small real project as a zip. */
export const projectZip = (file: string) => makeZip(file, Object.entries(PROJECT).map(([name, data]) => ({ name, data })));
