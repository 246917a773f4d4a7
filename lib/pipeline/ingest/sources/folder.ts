import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { tooLargeMessage, type Budget } from "../limits";
import type { SourceItem } from "../types";

export const DEFAULT_IGNORED_DIRS = [".git", ".hg", ".svn", "node_modules", "__pycache__"];

/**
 * Walks a folder in sorted order without following symlinks. Paths are relative, "/"-separated.
 * A file over the size cap is skipped from its stat, without being read.
 */
export async function* readFolder(root: string, budget: Budget, ignoredDirs = DEFAULT_IGNORED_DIRS): AsyncGenerator<SourceItem> {
  const stack: string[] = [""];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (ignoredDirs.includes(e.name)) {
          yield { kind: "skip", path: relPath, reason: "ignored_dir", message: `${relPath}/: folder ignored` };
        } else subdirs.push(relPath);
        continue;
      }
      budget.addFile();
      if (e.isSymbolicLink()) {
        yield { kind: "skip", path: relPath, reason: "symlink", message: `${relPath}: symbolic link, not followed` };
        continue;
      }
      if (!e.isFile()) {
        yield { kind: "skip", path: relPath, reason: "special_file", message: `${relPath}: not a regular file` };
        continue;
      }
      const full = path.join(root, relPath);
      const stat = await fs.lstat(full);
      if (stat.size > budget.limits.maxFileBytes) {
        yield { kind: "skip", path: relPath, reason: "too_large", message: tooLargeMessage(relPath, stat.size, budget.limits.maxFileBytes) };
        continue;
      }
      const data = await fs.readFile(full);
      budget.addBytes(data.length);
      yield { kind: "file", path: relPath, data };
    }
    stack.push(...subdirs.reverse());
  }
}

/** A single file given directly. */
export async function* readSingleFile(file: string, name: string, budget: Budget): AsyncGenerator<SourceItem> {
  budget.addFile();
  const stat = await fs.stat(file);
  if (stat.size > budget.limits.maxFileBytes) {
    yield { kind: "skip", path: name, reason: "too_large", message: tooLargeMessage(name, stat.size, budget.limits.maxFileBytes) };
    return;
  }
  const data = await fs.readFile(file);
  budget.addBytes(data.length);
  yield { kind: "file", path: name, data };
}
