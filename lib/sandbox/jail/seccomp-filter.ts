/**
 * The seccomp filter bwrap loads into every sandbox (`--seccomp FD`): a classic BPF program,
 * built here as bytes (Debian ships no libseccomp headers; bwrap takes the compiled program).
 * The sandbox already drops every capability and disables user namespaces (`--disable-userns`);
 * the filter closes the kernel surface left to an unprivileged process that no program we run
 * needs: new namespaces (unshare, setns, clone with CLONE_NEW*), mounts, ptrace and reading
 * other processes' memory, the keyring, bpf, perf events, module and kexec loading,
 * userfaultfd, handle-based opens. Those calls fail with EPERM. clone3 answers ENOSYS (its flags
 * sit in memory a filter cannot read), so libc falls back to clone, whose flags are checked.
 * A foreign architecture or the x32 ABI is refused outright.
 *
 * Layout of one instruction (struct sock_filter): u16 code, u8 jt, u8 jf, u32 k (little-endian).
 */

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_JSET_K = 0x45;
const BPF_RET_K = 0x06;

const SECCOMP_RET_KILL_PROCESS = 0x80000000;
const SECCOMP_RET_ERRNO = 0x00050000;
const SECCOMP_RET_ALLOW = 0x7fff0000;
const EPERM = 1;
const ENOSYS = 38;

/** offsetof(struct seccomp_data, …) */
const NR = 0;
const ARCH = 4;
const ARG0_LOW = 16;

/** CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET */
export const CLONE_NEW_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;

type Name =
  | "unshare" | "setns" | "mount" | "umount2" | "pivot_root" | "ptrace" | "process_vm_readv" | "process_vm_writev"
  | "keyctl" | "add_key" | "request_key" | "bpf" | "perf_event_open" | "kexec_load" | "kexec_file_load"
  | "init_module" | "finit_module" | "delete_module" | "userfaultfd" | "open_by_handle_at"
  | "open_tree" | "move_mount" | "fsopen" | "fsconfig" | "fsmount" | "fspick" | "mount_setattr"
  | "acct" | "swapon" | "swapoff" | "reboot" | "syslog" | "quotactl" | "lookup_dcookie" | "clone" | "clone3";

interface Arch {
  audit: number;
  /** x86_64 also runs x32 binaries: their numbers have this bit set */
  x32Bit?: number;
  nr: Record<Name, number>;
}

const common = { open_tree: 428, move_mount: 429, fsopen: 430, fsconfig: 431, fsmount: 432, fspick: 433, clone3: 435, mount_setattr: 442 };

export const ARCHES: Record<string, Arch> = {
  x64: {
    audit: 0xc000003e,
    x32Bit: 0x40000000,
    nr: {
      ...common, unshare: 272, setns: 308, mount: 165, umount2: 166, pivot_root: 155, ptrace: 101, process_vm_readv: 310, process_vm_writev: 311,
      keyctl: 250, add_key: 248, request_key: 249, bpf: 321, perf_event_open: 298, kexec_load: 246, kexec_file_load: 320,
      init_module: 175, finit_module: 313, delete_module: 176, userfaultfd: 323, open_by_handle_at: 304,
      acct: 163, swapon: 167, swapoff: 168, reboot: 169, syslog: 103, quotactl: 179, lookup_dcookie: 212, clone: 56,
    },
  },
  arm64: {
    audit: 0xc00000b7,
    nr: {
      ...common, unshare: 97, setns: 268, mount: 40, umount2: 39, pivot_root: 41, ptrace: 117, process_vm_readv: 270, process_vm_writev: 271,
      keyctl: 219, add_key: 217, request_key: 218, bpf: 280, perf_event_open: 241, kexec_load: 104, kexec_file_load: 294,
      init_module: 105, finit_module: 273, delete_module: 106, userfaultfd: 282, open_by_handle_at: 265,
      acct: 89, swapon: 224, swapoff: 225, reboot: 142, syslog: 116, quotactl: 60, lookup_dcookie: 18, clone: 220,
    },
  },
};

export const DENIED: readonly Name[] = [
  "unshare", "setns", "mount", "umount2", "pivot_root", "ptrace", "process_vm_readv", "process_vm_writev",
  "keyctl", "add_key", "request_key", "bpf", "perf_event_open", "kexec_load", "kexec_file_load",
  "init_module", "finit_module", "delete_module", "userfaultfd", "open_by_handle_at",
  "open_tree", "move_mount", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
  "acct", "swapon", "swapoff", "reboot", "syslog", "quotactl", "lookup_dcookie",
];

type Insn = [code: number, jt: number, jf: number, k: number];

export function seccompProgram(arch: Arch): Insn[] {
  const p: Insn[] = [];
  const ret = (k: number): Insn => [BPF_RET_K, 0, 0, k >>> 0];
  const deny = (errno: number) => ret(SECCOMP_RET_ERRNO | errno);
  p.push([BPF_LD_W_ABS, 0, 0, ARCH], [BPF_JEQ_K, 1, 0, arch.audit], ret(SECCOMP_RET_KILL_PROCESS));
  p.push([BPF_LD_W_ABS, 0, 0, NR]);
  if (arch.x32Bit) p.push([BPF_JGE_K, 0, 1, arch.x32Bit], deny(EPERM));
  for (const name of DENIED) p.push([BPF_JEQ_K, 0, 1, arch.nr[name]], deny(EPERM));
  p.push([BPF_JEQ_K, 0, 1, arch.nr.clone3], deny(ENOSYS));
  // clone: allowed unless its flags (argument 0; the namespace bits sit in its low word) ask for a namespace
  p.push([BPF_JEQ_K, 0, 3, arch.nr.clone], [BPF_LD_W_ABS, 0, 0, ARG0_LOW], [BPF_JSET_K, 0, 1, CLONE_NEW_NAMESPACES], deny(EPERM));
  p.push(ret(SECCOMP_RET_ALLOW));
  return p;
}

/** The program as bwrap reads it from its fd; null on an architecture without a table here. */
export function seccompFilterBytes(nodeArch: string = process.arch): Buffer | null {
  const arch = ARCHES[nodeArch];
  if (!arch) return null;
  const insns = seccompProgram(arch);
  const buf = Buffer.alloc(insns.length * 8);
  insns.forEach(([code, jt, jf, k], i) => {
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return buf;
}
