import { describe, expect, it } from "vitest";
import { buildJailCommand, type JailSpec, type JailSystem } from "@/lib/sandbox/jail/jail-command";
import { BASE_LIMITS } from "@/lib/sandbox/limits";

const system: JailSystem = { reaper: "/r/reaper", prlimit: "/usr/bin/prlimit", setpriv: "/usr/bin/setpriv", bwrap: "/usr/bin/bwrap", passwdFile: "/r/passwd", groupFile: "/r/group", nprocOffset: 0, seccompFile: "/r/seccomp.bpf" };
const spec: JailSpec = { argv: ["/usr/bin/python3", "main.py"], uid: 61003, work: { files: [{ host: "/c/abc/main.py", inside: "/work/main.py" }] }, limits: { ...BASE_LIMITS, cpuMs: 2500 } };

describe("buildJailCommand", () => {
  it("limits, then drops to the slot uid, then unshares everything with a read-only root", () => {
    const { file, args } = buildJailCommand(spec, system);
    expect(file).toBe("/r/reaper");
    expect(args.slice(0, 8)).toEqual(["/usr/bin/prlimit", `--as=${BASE_LIMITS.memoryBytes}`, "--cpu=3:4", "--nproc=64", `--fsize=${BASE_LIMITS.fileSizeBytes}`, "--nofile=256", "--core=0", "--"]);
    expect(args.slice(8, 13)).toEqual(["/usr/bin/setpriv", "--reuid=61003", "--regid=61003", "--clear-groups", "--"]);
    expect(args).toContain("--unshare-all");
    expect(args).not.toContain("--share-net");
    expect(args.join(" ")).toContain("--unshare-user --disable-userns");
    expect(args.join(" ")).toContain("--seccomp 4");
    expect(args).toContain("--clearenv");
    const text = args.join(" ");
    expect(text).toContain(`--size ${BASE_LIMITS.tmpBytes} --tmpfs /tmp`);
    expect(text).toContain("--ro-bind /c/abc/main.py /work/main.py");
    expect(text).toMatch(/--remount-ro \/ --chdir \/work --info-fd 3 -- \/usr\/bin\/python3 main\.py$/);
    expect(text).not.toMatch(/--bind \/ |\/etc\/shadow|--ro-bind \/etc \/etc/);
  });

  it("without a uid (not root) it runs bwrap directly, and compilers get a writable /work", () => {
    const { args } = buildJailCommand({ ...spec, uid: null, work: { hostDir: "/c/abc" } }, { ...system, reaper: null });
    expect(args).not.toContain("/usr/bin/setpriv");
    expect(args.join(" ")).toContain("--bind /c/abc /work");
  });
});
