import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

/**
 * SQLite in WAL mode: a transaction that reads and then writes fails at once with
 * SQLITE_BUSY_SNAPSHOT when another process wrote in between, whatever the busy timeout (the
 * worker's commit failed this way when the web server paused a run). Every transaction we open
 * therefore takes the write lock when it begins, and the other process waits its turn instead.
 */
let t: TestDb;
beforeAll(async () => { t = await createTestDb(); });
afterAll(() => t.cleanup());

/** Another process that writes to the database when told to ("go"), waiting on the lock up to 10 s. */
function otherProcess(file: string, runId: string) {
  const script = `
    const db = require("better-sqlite3")(process.argv[1], { timeout: 10000 });
    process.stdout.write("ready\\n");
    process.stdin.once("data", () => {
      db.prepare('UPDATE "Run" SET "name" = ? WHERE "id" = ?').run("renamed by the other process", process.argv[2]);
      process.stdout.write("written\\n");
      process.exit(0);
    });`;
  const child = spawn(process.execPath, ["-e", script, file, runId], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const said = async (word: string, ms: number) => {
    const until = Date.now() + ms;
    while (!out.includes(word) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return out.includes(word);
  };
  return { child, said };
}

describe.runIf(process.env.XI_TEST_PG_URL === undefined)("SQLite transactions beside another writing process", () => {
  it("a transaction that reads, then writes, commits although another process writes meanwhile; that process waits for it", async () => {
    const run = await t.db.run.create({ data: { name: "before", config: {}, status: "running" } });
    const other = otherProcess(t.url.replace(/^file:/, ""), run.id);
    expect(await other.said("ready", 20_000)).toBe(true);

    await t.db.$transaction(async (tx) => {
      expect((await tx.run.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running");
      other.child.stdin!.write("go\n");
      // the other process tries to write now; it must wait for this transaction
      expect(await other.said("written", 500)).toBe(false);
      await tx.run.update({ where: { id: run.id }, data: { status: "paused" } });
    });

    const [code] = await once(other.child, "exit");
    expect(code).toBe(0);
    expect(await other.said("written", 0)).toBe(true);
    const row = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect([row.status, row.name]).toEqual(["paused", "renamed by the other process"]);
  }, 60_000);
});
