import type { Limits } from "@/lib/sandbox/types";

/** A host path made visible inside the sandbox. */
export interface Bind {
  host: string;
  inside: string;
  writable?: boolean;
}

export type JailLimits = Pick<Limits, "cpuMs" | "memoryBytes" | "processes" | "fileSizeBytes" | "openFiles" | "tmpBytes">;

export interface JailSpec {
  /** Command inside the sandbox (absolute path first). */
  argv: string[];
  /** Unprivileged uid (and gid) to run as; null keeps the caller's (only when not root). */
  uid: number | null;
  /** /work: a size-capped tmpfs with read-only files bound in, or a writable host dir (compilers). */
  work: { files: Bind[] } | { hostDir: string };
  /** Extra read-only (or writable) mounts: toolchain config under /etc, the TypeScript package... */
  binds?: Bind[];
  env?: Record<string, string>;
  limits: JailLimits;
}

/** Host locations the jail needs; resolved once by the pool. */
export interface JailSystem {
  /** The subreaper that reaps what bwrap leaves (see reaper.c); null runs without it. */
  reaper: string | null;
  prlimit: string;
  setpriv: string;
  bwrap: string;
  /** Generated /etc/passwd and /etc/group naming the sandbox uids (some runtimes look the uid up). */
  passwdFile: string;
  groupFile: string;
  /**
   * Added to the process limit. Zero when runs get their own uid (root); without root the
   * runs share the caller's uid, whose other processes count against RLIMIT_NPROC too.
   */
  nprocOffset: number;
  /** The compiled seccomp filter (seccomp-filter.ts), handed to bwrap on fd 4; null where there is none for this CPU. */
  seccompFile: string | null;
}

/** The fd bwrap reads the seccomp program from (jail-process.ts opens the file there). */
export const SECCOMP_FD = 4;

const BASE_ENV: Record<string, string> = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: "/work", TMPDIR: "/tmp", LANG: "C.UTF-8" };

/**
 * The whole command line: prlimit sets per-process limits, setpriv drops to the slot's uid with
 * no groups, bwrap unshares every namespace (no network, own pids, own mounts), mounts the system
 * read-only and gives the program a private, size-capped /tmp and /work. Fd 3 receives bwrap's
 * info JSON with the host pid of the sandbox's pid 1: killing it kills every process inside.
 * Inside, no new user namespace can be made (--disable-userns, bwrap >= 0.8) and the seccomp
 * filter on fd 4 refuses namespaces, mounts, ptrace, keyrings, bpf and perf events.
 */
export function buildJailCommand(spec: JailSpec, system: JailSystem): { file: string; args: string[] } {
  const { limits } = spec;
  const cpuSeconds = Math.max(1, Math.ceil(limits.cpuMs / 1000));
  const args = [
    `--as=${Math.floor(limits.memoryBytes)}`,
    `--cpu=${cpuSeconds}:${cpuSeconds + 1}`,
    `--nproc=${Math.floor(limits.processes) + system.nprocOffset}`,
    `--fsize=${Math.floor(limits.fileSizeBytes)}`,
    `--nofile=${Math.floor(limits.openFiles)}`,
    "--core=0",
    "--",
  ];
  if (spec.uid !== null) args.push(system.setpriv, `--reuid=${spec.uid}`, `--regid=${spec.uid}`, "--clear-groups", "--");
  args.push(system.bwrap, "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "sandbox");
  if (system.seccompFile) args.push("--seccomp", String(SECCOMP_FD));
  args.push("--clearenv");
  for (const [key, value] of Object.entries({ ...BASE_ENV, ...spec.env })) args.push("--setenv", key, value);
  args.push("--ro-bind", "/usr", "/usr");
  for (const dir of ["lib", "lib64", "bin", "sbin"]) args.push("--symlink", `usr/${dir}`, `/${dir}`);
  args.push("--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache", "--ro-bind-try", "/etc/alternatives", "/etc/alternatives");
  args.push("--ro-bind", system.passwdFile, "/etc/passwd", "--ro-bind", system.groupFile, "/etc/group");
  args.push("--proc", "/proc", "--dev", "/dev");
  args.push("--size", String(Math.floor(limits.tmpBytes)), "--tmpfs", "/tmp");
  for (const bind of spec.binds ?? []) args.push(bind.writable ? "--bind" : "--ro-bind", bind.host, bind.inside);
  if ("hostDir" in spec.work) {
    args.push("--bind", spec.work.hostDir, "/work");
  } else {
    args.push("--size", String(Math.floor(limits.tmpBytes)), "--tmpfs", "/work");
    for (const bind of spec.work.files) args.push(bind.writable ? "--bind" : "--ro-bind", bind.host, bind.inside);
  }
  // Everything else (the root bwrap builds, /etc) is read-only: only /work and /tmp take writes.
  args.push("--remount-ro", "/", "--chdir", "/work", "--info-fd", "3", "--", ...spec.argv);
  return system.reaper ? { file: system.reaper, args: [system.prlimit, ...args] } : { file: system.prlimit, args };
}
