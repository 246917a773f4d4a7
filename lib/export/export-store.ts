import "server-only";
import { randomBytes } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { exportDataset, type ExportOptions } from "./export-dataset";
import type { ExportResult } from "./types";

/**
 * Exports made from the dashboard live under <dataDir>/exports/<id>/ and are downloaded file
 * by file through the API. Ids are generated here; paths from a request are checked against them.
 */
const ID = /^\d{8}-\d{6}-[a-f0-9]{6}$/;

export async function exportToStore(db: Db, dataDir: string, opts: Omit<ExportOptions, "outDir">): Promise<ExportResult & { id: string }> {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const id = `${stamp}-${randomBytes(3).toString("hex")}`;
  const result = await exportDataset(db, { ...opts, outDir: path.join(dataDir, "exports", id) });
  return { ...result, id };
}

export async function readExportFile(dataDir: string, id: string, rel: string): Promise<{ body: Buffer; name: string }> {
  const root = path.join(dataDir, "exports", id);
  const file = path.resolve(root, rel);
  if (!ID.test(id) || !file.startsWith(root + path.sep)) throw new AppError("not_found:export_file", "No such export file.");
  try {
    if (!(await stat(file)).isFile()) throw new Error("not a file");
    return { body: await readFile(file), name: path.basename(file) };
  } catch {
    throw new AppError("not_found:export_file", "No such export file.");
  }
}
