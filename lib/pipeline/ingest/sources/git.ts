import "server-only";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { AppError } from "@/lib/errors";
import { childProcessEnv } from "@/lib/env";
import { tooLargeMessage, type Budget } from "../limits";
import type { SourceItem } from "../types";

const run = promisify(execFile);

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  size: number;
  path: string;
}

/**
 * Reads the files tracked at HEAD of a local git repository (not the working tree: uncommitted
 * and untracked files are left out). Blob sizes come from `git ls-tree --long`, so a blob over
 * the cap is skipped unread; contents stream from one `git cat-file --batch` process.
 */
export async function* readGitHead(dir: string, name: string, budget: Budget): AsyncGenerator<SourceItem> {
  let listing: string;
  try {
    await run("git", ["-C", dir, "rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { env: childProcessEnv() });
    listing = (await run("git", ["-C", dir, "ls-tree", "-r", "-z", "--long", "HEAD"], { maxBuffer: 1 << 30, env: childProcessEnv() })).stdout;
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? "").trim();
    throw new AppError("invalid:upload", `${name} is not a git repository with a commit at HEAD${stderr ? `: ${stderr}` : ""}`, { cause: e });
  }
  const wanted: TreeEntry[] = [];
  for (const record of listing.split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [mode, type, oid, size] = record.slice(0, tab).split(/\s+/);
    const e: TreeEntry = { mode, type, oid, size: Number(size), path: record.slice(tab + 1) };
    budget.addFile();
    if (e.mode === "120000") yield { kind: "skip", path: e.path, reason: "symlink", message: `${e.path}: symbolic link, not followed` };
    else if (e.type !== "blob") yield { kind: "skip", path: e.path, reason: "special_file", message: `${e.path}: git ${e.type} (submodule), not read` };
    else if (e.size > budget.limits.maxFileBytes) yield { kind: "skip", path: e.path, reason: "too_large", message: tooLargeMessage(e.path, e.size, budget.limits.maxFileBytes) };
    else wanted.push(e);
  }
  for await (const [entry, data] of catFiles(dir, wanted)) {
    budget.addBytes(data.length);
    yield { kind: "file", path: entry.path, data };
  }
}

/** Streams blob contents in order through `git cat-file --batch`. */
async function* catFiles(dir: string, entries: TreeEntry[]): AsyncGenerator<[TreeEntry, Buffer]> {
  if (entries.length === 0) return;
  const child = spawn("git", ["-C", dir, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"], env: childProcessEnv() });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  child.stdin.on("error", () => {}); // reported through the exit code instead
  child.stdin.end(entries.map((e) => e.oid).join("\n") + "\n");
  // Chunks are joined only once a whole object has arrived, so a large blob is copied once.
  let chunks: Buffer[] = [];
  let have = 0;
  let header: { start: number; size: number } | null = null;
  let i = 0;
  const joined = () => {
    if (chunks.length > 1) chunks = [Buffer.concat(chunks, have)];
    return chunks[0] ?? Buffer.alloc(0);
  };
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      have += chunk.length;
      for (;;) {
        if (header === null) {
          const buf = joined();
          const nl = buf.indexOf(10);
          if (nl === -1) break;
          const fields = buf.subarray(0, nl).toString("utf8").split(" ");
          if (fields[1] === "missing") throw new AppError("invalid:upload", `git object ${fields[0]} is missing`);
          header = { start: nl + 1, size: Number(fields[2]) };
        }
        const end = header.start + header.size;
        if (have < end + 1) break; // the object and its trailing newline
        const buf = joined();
        yield [entries[i++], Buffer.from(buf.subarray(header.start, end))];
        const rest = buf.subarray(end + 1);
        chunks = rest.length > 0 ? [rest] : [];
        have = rest.length;
        header = null;
      }
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (i !== entries.length) throw new AppError("invalid:upload", `git cat-file stopped after ${i} of ${entries.length} files (exit ${code})`);
}
