// Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 for tests and dev tooling.
// Usage (module): const pg = await startPgCluster(); ... pg.url ...; await pg.stop();
// Usage (CLI):    node scripts/test/pg-cluster.mjs   -> prints the URL, stops on SIGINT/SIGTERM.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, chmodSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

export function findPgBin() {
  return BIN_DIRS.find((d) => existsSync(path.join(d, "initdb"))) ?? null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** initdb refuses to run as root: run the server as `postgres` (or nobody) when we are root. */
function asUser() {
  if (process.getuid?.() !== 0) return [];
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const uid = id.status === 0 ? id.stdout.trim() : "65534";
  return ["setpriv", `--reuid=${uid}`, `--regid=${uid === "65534" ? "65534" : spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()}`, "--clear-groups", "--"];
}

export async function startPgCluster({ database = "xinstruct" } = {}) {
  const bin = findPgBin();
  if (!bin) throw new Error("PostgreSQL server binaries not found (apt-get install postgresql-15)");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xi-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  const run = (cmd, args) => {
    const prefix = asUser();
    const [file, ...rest] = prefix.length ? [...prefix, cmd, ...args] : [cmd, ...args];
    execFileSync(file, rest, { stdio: ["ignore", "ignore", "pipe"] });
  };
  run(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "xi", "--no-sync"]);
  run(path.join(bin, "pg_ctl"), [
    "-D", data, "-w", "-l", path.join(dir, "log"),
    "-o", `-p ${port} -h 127.0.0.1 -k ${dir} -F -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    "start",
  ]);
  run(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "xi", database]);
  const url = `postgresql://xi@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    async createDatabase(name) {
      run(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "xi", name]);
      return `postgresql://xi@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startPgCluster();
  console.log(pg.url);
  const stop = async () => { await pg.stop(); process.exit(0); };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
}
