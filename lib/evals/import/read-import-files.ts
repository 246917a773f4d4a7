import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { AppError } from "@/lib/errors";
import type { ImportFile } from "@/lib/evals/import/plan-import";

/** Bytes of all files of one import together (uncompressed). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const MAX_FILES = 20_000;
const RESULT_FILE = /\.json(\.gz)?$/;

/** Decodes one uploaded or read file: gunzips gzip bodies (MultiPL-E writes .json.gz). */
export function decodeImportFile(name: string, bytes: Buffer): ImportFile {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_IMPORT_BYTES });
    } catch (e) {
      throw new AppError("invalid:import", `${name} is not a valid gzip file.`, { cause: e });
    }
  }
  return { name: name.replace(/\.gz$/, ""), text: bytes.toString("utf8") };
}

/**
 * Reads a result file, or every *.json / *.json.gz under a folder (MultiPL-E writes one file
 * per problem, in a folder per model, language and temperature).
 */
export async function readImportPath(target: string): Promise<ImportFile[]> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new AppError("not_found:import", `No file or folder at ${target}.`);
  const paths = info.isDirectory() ? await listResultFiles(target) : [target];
  if (paths.length === 0) throw new AppError("invalid:import", `No .json or .json.gz files under ${target}.`);
  const files: ImportFile[] = [];
  let total = 0;
  for (const p of paths) {
    const file = decodeImportFile(info.isDirectory() ? path.relative(target, p) : path.basename(p), await readFile(p));
    total += file.text.length;
    if (total > MAX_IMPORT_BYTES) throw new AppError("too_large:import", `The files under ${target} are larger than ${MAX_IMPORT_BYTES} bytes together.`);
    files.push(file);
  }
  return files;
}

async function listResultFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && RESULT_FILE.test(e.name)).map((e) => path.join(e.parentPath, e.name));
  if (files.length > MAX_FILES) throw new AppError("too_large:import", `${dir} holds more than ${MAX_FILES} result files.`);
  return files.sort();
}

/** The import form: its text fields, and its uploaded files or the server path it names. */
export async function importFilesFromForm(req: Request): Promise<{ fields: Record<string, string | undefined>; files: ImportFile[] }> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) throw new AppError("too_large:import", `The files are larger than ${MAX_IMPORT_BYTES} bytes together.`);
  const form = await req.formData().catch(() => {
    throw new AppError("invalid:import", "Send the import as multipart/form-data.");
  });
  const text = (key: string) => {
    const v = form.get(key);
    return typeof v === "string" && v.trim() ? v.trim() : undefined;
  };
  const fields = { format: text("format"), model: text("model"), name: text("name"), benchmark: text("benchmark"), dataSource: text("dataSource") };
  const uploads = form.getAll("files").filter((v): v is File => typeof v !== "string" && v.size > 0);
  if (uploads.length > 0) return { fields, files: await Promise.all(uploads.map(async (f) => decodeImportFile(f.name, Buffer.from(await f.arrayBuffer())))) };
  const serverPath = text("path");
  if (!serverPath) throw new AppError("invalid:import", "Choose result files, or give a file or folder on the server.");
  return { fields, files: await readImportPath(serverPath) };
}
