import "server-only";
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AppError } from "@/lib/errors";
import { CompileCache } from "@/lib/sandbox/compile/compile-cache";
import { CompileServer, CompileServerGroup } from "@/lib/sandbox/compile/compile-server";
import type { Bind, JailSystem } from "@/lib/sandbox/jail/jail-command";
import { seccompFilterBytes } from "@/lib/sandbox/jail/seccomp-filter";
import { runJailed, type JailRun } from "@/lib/sandbox/jail/run-jailed";
import type { JailedOptions, LanguageSpec, ToolchainPaths } from "@/lib/sandbox/languages/language-spec";
import { BASE_LIMITS, bytes, resolveLimits } from "@/lib/sandbox/limits";
import { checkSandboxTools, checkToolchain } from "@/lib/sandbox/toolchain-check";
import { claimUidBlock, UID_BLOCK_SIZE } from "@/lib/sandbox/uid-block";
import { buildReaper } from "@/lib/sandbox/jail/build-reaper";
import { sandboxSourceDir, typescriptDir } from "@/lib/sandbox/source-dir";
import type { Limits } from "@/lib/sandbox/types";

export interface RuntimeOptions {
  /** Where compilations, work files and server builds live; a fresh temp dir by default. */
  rootDir?: string;
  /**
   * Slot i runs as uid uidBase + i, compile servers from uidBase + 100 (only when root). By
   * default each process claims its own block of 256 uids from 61000 (see uid-block.ts).
   */
  uidBase?: number;
  /** Warm compilers per language (default: half the pool size, at least one). */
  serversPerLanguage?: number;
  /** A warm compiler stops after this long without work. */
  serverIdleMs?: number;
  cacheEntries?: number;
  paths?: Partial<ToolchainPaths>;
  tools?: { bwrap?: string; prlimit?: string; setpriv?: string };
}

/** Processes and threads of the caller's uid (what RLIMIT_NPROC counts). */
async function countOwnProcesses(): Promise<number> {
  const uid = process.getuid?.() ?? -1;
  let count = 0;
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    if (new RegExp(`^Uid:\\s+${uid}\\s`, "m").test(status)) count += threads;
  }
  return count;
}

export function defaultToolchainPaths(): ToolchainPaths {
  return {
    typescriptDir: typescriptDir(),
    javatuplesJar: "/usr/share/java/javatuples.jar",
    serverSourcesDir: path.join(sandboxSourceDir(), "compile", "servers"),
  };
}

/** Everything the pool's jobs share: the jail setup, the compilation cache, warm compilers. */
export class SandboxRuntime {
  readonly paths: ToolchainPaths;
  readonly asRoot = process.getuid?.() === 0;
  private root = "";
  private system!: JailSystem;
  cache!: CompileCache;
  private readonly groups = new Map<string, CompileServerGroup>();
  private readonly sharedState = new Map<string, unknown>();
  private readonly availability = new Map<string, Promise<AppError | null>>();
  private readonly ready: Promise<void>;
  private base = 61000;
  private releaseUids: () => Promise<void> = async () => {};

  constructor(
    private readonly options: RuntimeOptions,
    private readonly poolSize: number,
  ) {
    this.paths = { ...defaultToolchainPaths(), ...options.paths };
    this.ready = this.init();
  }

  private async init(): Promise<void> {
    const tools = { bwrap: "/usr/bin/bwrap", prlimit: "/usr/bin/prlimit", setpriv: "/usr/bin/setpriv", ...this.options.tools };
    await checkSandboxTools(tools);
    this.root = this.options.rootDir ?? (await mkdtemp(path.join(os.tmpdir(), "xinstruct-sandbox-")));
    await mkdir(path.join(this.root, "entries"), { recursive: true });
    await mkdir(path.join(this.root, "state"), { recursive: true });
    // Sandbox uids may traverse these directories but not list them.
    for (const dir of [this.root, path.join(this.root, "entries"), path.join(this.root, "state")]) await chmod(dir, 0o711);
    if (this.options.uidBase !== undefined) this.base = this.options.uidBase;
    else if (this.asRoot) {
      const claim = await claimUidBlock(path.join(os.tmpdir(), "xinstruct-sandbox-uids"), 61000);
      this.base = claim.base;
      this.releaseUids = claim.release;
    }
    const base = this.base;
    const names = Array.from({ length: UID_BLOCK_SIZE }, (_, i) => `sandbox${i}:x:${base + i}:${base + i}::/work:/usr/sbin/nologin`);
    const passwdFile = path.join(this.root, "passwd");
    const groupFile = path.join(this.root, "group");
    await writeFile(passwdFile, `${names.join("\n")}\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n`, { mode: 0o644 });
    await writeFile(groupFile, `${names.map((n) => n.replace(/:x:(\d+):\d+:.*/, ":x:$1:")).join("\n")}\n`, { mode: 0o644 });
    const nprocOffset = this.asRoot ? 0 : (await countOwnProcesses()) + 1024;
    const filter = seccompFilterBytes();
    const seccompFile = filter ? path.join(this.root, "seccomp.bpf") : null;
    if (filter && seccompFile) await writeFile(seccompFile, filter, { mode: 0o644 });
    this.system = { ...tools, passwdFile, groupFile, nprocOffset, seccompFile, reaper: await buildReaper(this.root) };
    this.cache = new CompileCache(path.join(this.root, "entries"), this.options.cacheEntries);
  }

  async whenReady(): Promise<void> {
    await this.ready;
  }

  get jailSystem(): JailSystem {
    return this.system;
  }

  get entriesDir(): string {
    return path.join(this.root, "entries");
  }

  /** The uid of pool slot `slot`, of compile servers, and of build steps; null when not root. */
  uid(kind: "slot" | "server" | "build", index = 0): number | null {
    if (!this.asRoot) return null;
    const base = this.uidBase();
    return kind === "slot" ? base + index : kind === "build" ? base + 99 : base + 100 + index;
  }

  private uidBase(): number {
    return this.base;
  }

  async giveTo(dir: string, uid: number | null): Promise<void> {
    if (uid !== null) await chown(dir, uid, uid);
  }

  async stateDir(name: string): Promise<string> {
    const dir = path.join(this.root, "state", name);
    await mkdir(dir, { recursive: true, mode: 0o755 });
    return dir;
  }

  /** A compiler-like command in a fresh sandbox with `hostDir` as its writable /work. */
  async jailed(hostDir: string, argv: string[], uid: number | null, base: Limits, options: JailedOptions = {}, signal?: AbortSignal): Promise<JailRun> {
    await this.giveTo(hostDir, uid);
    const limits = resolveLimits(base, { cpuMs: base.compileWallMs, ...options.limits });
    return runJailed(
      { argv, uid, work: { hostDir }, binds: options.binds, env: options.env, limits },
      this.system,
      { wallMs: limits.compileWallMs, outputBytes: 4 * bytes.MiB, captureBytes: 1 * bytes.MiB, signal },
    );
  }

  checkLanguage(language: LanguageSpec): Promise<AppError | null> {
    let check = this.availability.get(language.id);
    if (!check) {
      check = checkToolchain(language, this.paths);
      this.availability.set(language.id, check);
    }
    return check;
  }

  shared(language: LanguageSpec) {
    return <T>(key: string, create: () => T): T => {
      const full = `${language.id}:${key}`;
      if (!this.sharedState.has(full)) this.sharedState.set(full, create());
      return this.sharedState.get(full) as T;
    };
  }

  servers(language: LanguageSpec, languageIndex: number): CompileServerGroup {
    const spec = language.compileServer;
    if (!spec) throw new Error(`${language.name} has no compile server`);
    let group = this.groups.get(language.id);
    if (group) return group;
    let prepared: ReturnType<typeof spec.prepare> | null = null;
    const tools = {
      paths: this.paths,
      stateDir: (name: string) => this.stateDir(name),
      jailed: (hostDir: string, argv: string[], options?: JailedOptions) => this.jailed(hostDir, argv, this.uid("build"), BASE_LIMITS, options),
    };
    const perLanguage = Math.min(16, this.options.serversPerLanguage ?? Math.max(1, Math.floor(this.poolSize / 2)));
    group = new CompileServerGroup(perLanguage, (index) => {
      const uid = this.uid("server", languageIndex * 16 + index);
      const jailSpec = async () => {
        prepared ??= spec.prepare(tools);
        const { argv, binds, env } = await prepared.catch((error: unknown) => {
          prepared = null; // let a later request try again
          throw error;
        });
        const jobs: Bind = { host: this.entriesDir, inside: "/jobs", writable: true };
        return { argv, uid, work: { files: [] }, binds: [...binds, jobs], env, limits: spec.limits };
      };
      return new CompileServer(uid, jailSpec, this.system, this.options.serverIdleMs ?? 60_000);
    });
    this.groups.set(language.id, group);
    return group;
  }

  async close(): Promise<void> {
    await Promise.all([...this.groups.values()].map((group) => group.stopAll()));
    await this.ready.catch(() => {});
    if (!this.options.rootDir && this.root) await rm(this.root, { recursive: true, force: true });
    await this.releaseUids();
  }
}
