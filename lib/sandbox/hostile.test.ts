import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxPool } from "@/lib/sandbox/pool";
import { processesOfUids } from "@/lib/sandbox/testing/processes";

// A uid range of its own (outside the claimable blocks) so leftovers are attributable.
const UID_BASE = 90_000;
const pool = new SandboxPool({ size: 2, uidBase: UID_BASE, serversPerLanguage: 1 });
const SECRET = `s3cret-${process.pid}`;
let server: net.Server;
let port = 0;
let connections = 0;
let fakeDatabase = "";

beforeAll(async () => {
  // Stand-ins for what a program must not reach: a listening service, a database file, a secret.
  server = net.createServer((socket) => {
    connections++;
    socket.end("hello\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
  const dir = mkdtempSync(path.join(os.tmpdir(), "xinstruct-db-"));
  fakeDatabase = path.join(dir, "app.db");
  writeFileSync(fakeDatabase, "TOP SECRET ROWS");
  process.env.XINSTRUCT_SANDBOX_TEST_SECRET = SECRET;
});

afterAll(async () => {
  server.close();
  await pool.close();
});

async function serverStillAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.once("data", () => (socket.end(), resolve(true))));
    socket.on("error", () => resolve(false));
  });
}

function leftovers(): string[] {
  return processesOfUids(UID_BASE).filter((line) => !/java|mono|node/.test(line)); // warm compilers are expected
}

describe("hostile programs are contained with the right verdict and nothing left running", () => {
  it("a fork bomb hits the process limit and the wall clock, while a run in the other slot is unaffected", async () => {
    const [bomb, neighbour] = await Promise.all([
      pool.run({ language: "sh", program: ":(){ :|:& };:\nsleep 30\n", limits: { wallMs: 3000 } }),
      pool.run({ language: "py", program: "import os\nfor _ in range(20): os.system('true')\nprint('fine')\n" }),
    ]);
    expect(bomb.status).toBe("timeout");
    expect(neighbour.status).toBe("ok");
    expect(neighbour.stdout).toBe("fine\n");
    expect(leftovers()).toEqual([]);
  });

  it("a memory bomb gets the memory verdict (Python and C++)", async () => {
    const py = await pool.run({ language: "py", program: "a = []\nwhile True:\n    a.append(' ' * 10**7)\n", limits: { memoryBytes: 256 * 1024 * 1024 } });
    expect(py.status).toBe("memory");
    const cpp = await pool.run({
      language: "cpp",
      program: "#include <vector>\n#include <cstring>\nint main(){ std::vector<char*> v; while (true) { char* p = new char[1<<24]; memset(p, 1, 1<<24); v.push_back(p); } }\n",
      limits: { memoryBytes: 256 * 1024 * 1024 },
    });
    expect(cpp.status).toBe("memory");
    expect(cpp.stderr).toMatch(/bad_alloc/);
  }, 120_000);

  it("an infinite loop is a timeout through the CPU limit", async () => {
    const started = Date.now();
    const result = await pool.run({ language: "py", program: "while True:\n    pass\n", limits: { cpuMs: 1000, wallMs: 10_000 } });
    expect(result.status).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it("a sleeping program is a timeout through the wall clock", async () => {
    const result = await pool.run({ language: "sh", program: "sleep 60\n", limits: { wallMs: 1500 } });
    expect(result.status).toBe("timeout");
    expect(result.durationMs).toBeLessThan(20_000);
    expect(leftovers()).toEqual([]);
  });

  it("infinite output is cut at the output limit and the kept text is capped", async () => {
    const result = await pool.run({ language: "py", program: "while True:\n    print('y' * 1000)\n", limits: { outputBytes: 2_000_000, captureBytes: 4096 } });
    expect(result.status).toBe("output_limit");
    expect(result.stdout.length).toBeLessThan(4096 + 100);
    expect(result.stdout.startsWith("yyyy")).toBe(true);
  });

  it("children that detach with setsid or nohup die with the run", async () => {
    const result = await pool.run({ language: "sh", program: "setsid sleep 1000 &\nnohup sleep 1001 >/dev/null 2>&1 &\n(setsid bash -c 'sleep 1002' &)\necho started\n" });
    expect(result.status).toBe("ok");
    expect(result.stdout).toBe("started\n");
    await new Promise((r) => setTimeout(r, 300));
    expect(leftovers()).toEqual([]);
    expect(processesOfUids(0, 1 << 30).filter((line) => /sleep 100[012]/.test(line))).toEqual([]);
  });

  it("cannot read /etc/shadow, the app's database or the server's secrets", async () => {
    expect(existsSync("/etc/shadow")).toBe(true);
    const program = [
      "import os, glob",
      "for path in ['/etc/shadow', " + JSON.stringify(fakeDatabase) + ", '/proc/1/environ', '/root/.bashrc']:",
      "    try:",
      "        print('READ', path, open(path).read()[:40])",
      "    except Exception as e:",
      "        print('denied', path, type(e).__name__)",
      "print('ENV', dict(os.environ))",
      "print('PROCS', sorted(glob.glob('/proc/[0-9]*')))",
    ].join("\n");
    const result = await pool.run({ language: "py", program });
    expect(result.status).toBe("ok");
    expect(result.stdout).not.toMatch(/READ \/etc\/shadow|TOP SECRET|READ \/root/);
    expect(result.stdout).toContain("denied /etc/shadow");
    expect(result.stdout).not.toContain(SECRET);
    expect(result.stdout).not.toContain("XINSTRUCT_SANDBOX_TEST_SECRET");
    // Its own pid namespace: the host's processes (this test's pid among them) are invisible.
    expect(result.stdout).not.toContain(`/proc/${process.pid}'`);
  });

  it("cannot write outside its private work dir, and what it writes there does not persist", async () => {
    const program = [
      "for path in ['/usr/evil', '/etc/evil', '/evil', '/work/../evil', '/proc/evil']:",
      "    try:",
      "        open(path, 'w').write('x'); print('WROTE', path)",
      "    except Exception as e:",
      "        print('denied', path)",
      "open('/work/scratch.txt', 'w').write('ok'); print(open('/work/scratch.txt').read())",
      "open('main.py', 'a').write('# tampered')",
    ].join("\n");
    const result = await pool.run({ language: "py", program });
    expect(result.stdout).not.toContain("WROTE");
    expect(result.stdout).toContain("ok");
    // Rewriting its own source is refused (the program files are mounted read-only).
    expect(result.status).toBe("exception");
    expect(result.stderr).toMatch(/Read-only file system|Permission denied/);
    expect(existsSync("/usr/evil") || existsSync("/evil")).toBe(false);
  });

  it("has no network: neither this host's 127.0.0.1 nor the outside", async () => {
    const program = [
      "import socket",
      `for host, port in [('127.0.0.1', ${port}), ('1.1.1.1', 80)]:`,
      "    try:",
      "        socket.create_connection((host, port), timeout=2); print('CONNECTED', host)",
      "    except Exception as e:",
      "        print('no network', host, type(e).__name__)",
    ].join("\n");
    const before = connections;
    const result = await pool.run({ language: "py", program });
    expect(result.status).toBe("ok");
    expect(result.stdout).not.toContain("CONNECTED");
    expect(result.stdout.match(/no network/g)).toHaveLength(2);
    expect(connections).toBe(before);
    expect(await serverStillAnswers()).toBe(true);
  });

  it("filling /tmp stops at its size cap", async () => {
    const result = await pool.run({ language: "sh", program: "head -c 100000000 /dev/zero > /tmp/fill\necho rc=$?\ndu -k /tmp/fill\n", limits: { tmpBytes: 8 * 1024 * 1024 } });
    expect(result.status).toBe("ok");
    expect(result.stdout).toContain("rc=1");
    expect(result.stderr).toMatch(/No space left on device/);
    const kib = Number(/^(\d+)\s/m.exec(result.stdout)?.[1]);
    expect(kib).toBeLessThanOrEqual(8 * 1024);
  });

  it("killing its parent and everything it can see harms nothing outside", async () => {
    // kill -1 spares the caller itself, which then kills itself.
    const result = await pool.run({ language: "sh", program: "kill -9 $PPID\nkill -9 -1\necho survived\nkill -9 $$\n" });
    expect(result.stdout).toBe("survived\n");
    expect(result.status).toBe("exception");
    expect(await serverStillAnswers()).toBe(true);
    const after = await pool.run({ language: "py", program: "print(6 * 7)\n" });
    expect(after.stdout).toBe("42\n");
    expect(leftovers()).toEqual([]);
  });

  it("work files of compiled programs stay untouched by the run", async () => {
    const result = await pool.run({ language: "cpp", program: "#include <cstdio>\nint main(){ FILE* f = fopen(\"main\", \"w\"); printf(\"%s\\n\", f ? \"OPENED\" : \"denied\"); }\n" });
    expect(result.stdout).toBe("denied\n");
    const entries = readdirSync(os.tmpdir()).filter((name) => name.startsWith("xinstruct-sandbox-"));
    expect(entries.length).toBeGreaterThan(0);
  }, 60_000);
  it("cannot make a user namespace (unshare -U), nor any other namespace", async () => {
    const result = await pool.run({ language: "sh", program: "unshare -U true && echo MADE-USERNS\nunshare -r id && echo ROOT-INSIDE\nunshare -n true && echo MADE-NETNS\necho done\n" });
    expect(result.stdout).toBe("done\n");
    expect(result.stderr).toMatch(/unshare failed/);
    expect(leftovers()).toEqual([]);
  });

  it("raw syscalls the seccomp filter blocks fail with EPERM: bpf, ptrace, keyctl, perf_event_open, mount, clone(CLONE_NEWUSER)", async () => {
    const program = [
      "import ctypes, os, threading",
      "libc = ctypes.CDLL(None, use_errno=True)",
      // x86_64 numbers; arm64 in the second table (the filter has both)
      "nr = {'x86_64': dict(bpf=321, ptrace=101, keyctl=250, perf_event_open=298, mount=165, clone=56), 'aarch64': dict(bpf=280, ptrace=117, keyctl=219, perf_event_open=241, mount=40, clone=220)}[os.uname().machine]",
      "args = dict(bpf=(0, 0, 0), ptrace=(16, 1, 0, 0), keyctl=(0, 0), perf_event_open=(0, 0, -1, -1, 0), mount=(b'none', b'/tmp', b'tmpfs', 0, 0), clone=(0x10000000 | 17, 0, 0, 0, 0))",
      "for name, n in nr.items():",
      "    r = libc.syscall(n, *args[name])",
      "    print(name, 'ALLOWED' if r >= 0 else os.strerror(ctypes.get_errno()))",
      "    if r == 0 and name == 'clone': os._exit(0)",
      "t = threading.Thread(target=lambda: print('threads still work')); t.start(); t.join()",
    ].join('\n');
    const result = await pool.run({ language: "py", program });
    expect(result.status, result.stderr).toBe("ok");
    for (const name of ["bpf", "ptrace", "keyctl", "perf_event_open", "mount", "clone"]) expect(result.stdout).toContain(`${name} Operation not permitted`);
    expect(result.stdout).not.toContain("ALLOWED");
    expect(result.stdout).toContain("threads still work");
  });
});
