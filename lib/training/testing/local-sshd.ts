import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real OpenSSH server on 127.0.0.1 for tests: a free port, a generated host key, one
 * authorized client key, keys only. Needs Debian's openssh-server and root (sshd's privilege
 * separation directory /run/sshd); `available()` says why not when it cannot run.
 */
export interface LocalSshd {
  port: number;
  user: string;
  identityFile: string;
  knownHostsFile: string;
  /** the "host" dies: every session process under sshd is killed at once */
  killSessions(): void;
  stop(): Promise<void>;
}

const SSHD = "/usr/sbin/sshd";

export function sshdUnavailable(): string | null {
  if (!existsSync(SSHD)) return "openssh-server is not installed (apt-get install openssh-server)";
  if (process.getuid?.() !== 0) return "sshd needs root for its privilege separation directory";
  if (spawnSync("ssh", ["-V"]).status !== 0) return "the ssh client is missing";
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function keygen(file: string): void {
  const r = spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file]);
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
}

export async function startLocalSshd(dir: string): Promise<LocalSshd> {
  mkdirSync(dir, { recursive: true });
  mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const hostKey = path.join(dir, "host_key");
  const clientKey = path.join(dir, "client_key");
  keygen(hostKey);
  keygen(clientKey);
  writeFileSync(path.join(dir, "authorized_keys"), readFileSync(`${clientKey}.pub`));
  const port = await freePort();
  const config = path.join(dir, "sshd_config");
  writeFileSync(config, [
    `Port ${port}`, "ListenAddress 127.0.0.1", `HostKey ${hostKey}`, `PidFile ${path.join(dir, "sshd.pid")}`,
    `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`, "PubkeyAuthentication yes", "PasswordAuthentication no",
    "KbdInteractiveAuthentication no", "UsePAM no", "StrictModes no", "PermitRootLogin prohibit-password",
    "AllowTcpForwarding yes", "Subsystem sftp internal-sftp", "LogLevel ERROR", "",
  ].join("\n"));
  const knownHostsFile = path.join(dir, "known_hosts");
  writeFileSync(knownHostsFile, `[127.0.0.1]:${port} ${readFileSync(`${hostKey}.pub`, "utf8")}`);
  const child: ChildProcess = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d) => (err += d));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sshd exited: ${err}`);
    const open = await new Promise<boolean>((r) => {
      const s = net.connect(port, "127.0.0.1", () => { s.end(); r(true); });
      s.on("error", () => r(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error(`sshd did not listen: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const descendants = (pid: number): number[] => {
    const r = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
    const kids = r.stdout.split("\n").map((s) => Number(s.trim())).filter((n) => n > 0);
    return kids.flatMap((k) => [k, ...descendants(k)]);
  };
  return {
    port,
    user: os.userInfo().username,
    identityFile: clientKey,
    knownHostsFile,
    killSessions() {
      for (const pid of descendants(child.pid!)) {
        try { process.kill(pid, "SIGKILL"); } catch { /* gone */ }
      }
    },
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}
