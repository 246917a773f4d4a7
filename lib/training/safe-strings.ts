import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Strings from a training config end up in ssh/scp argv, in shell commands run on a remote
 * host and in a generated sbatch script. Each is checked here, at the schema, with an anchored
 * pattern; where it lands it is also quoted (lib/training/shell.ts) and ssh/scp get `--` before
 * their destinations. A control character would start a new script line; a leading `-` would
 * make a host or path an option (`-oProxyCommand=…` runs a command on this host).
 */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Any text meant as one value: no control characters (so no newline), no leading `-`. */
export function plainArg(what: string) {
  return z
    .string()
    .min(1)
    .max(4096)
    .refine((s) => !CONTROL.test(s), `${what} must not contain control characters (newline, tab, …)`)
    .refine((s) => !s.startsWith("-"), `${what} must not start with "-"`);
}

/** A host name, an IPv4/IPv6 address or an ssh_config alias. */
export const sshHost = z
  .string()
  .regex(/^[A-Za-z0-9_[:][A-Za-z0-9._:%[\]-]*$/, "ssh host must be a host name, an IP address or an ssh_config alias (letters, digits, . _ - :), not an option");

/** A POSIX user name. */
export const posixUser = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]*\$?$/, "ssh user must be a user name (letters, digits, . _ -)");

/** A path on a remote or cluster host: no spaces, quotes or shell characters (it is also used unquoted in #SBATCH lines). */
export function remotePath(what: string) {
  return z.string().regex(/^[A-Za-z0-9_./~+@=,:][A-Za-z0-9_./~+@=,:-]*$/, `${what} must be a path of letters, digits and . _ / ~ + @ = , : - (no spaces or shell characters, not starting with "-")`);
}

/** A Slurm partition, account or QOS name (a partition may be a comma-separated list). */
export function slurmName(what: string) {
  return z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.,+-]*$/, `${what} must be a Slurm name (letters, digits, _ . , + -)`);
}

/** An extra `#SBATCH` option: --name or --name=value, one line. */
export const sbatchDirective = z
  .string()
  .regex(/^--[a-z][a-z0-9-]*(=[^\u0000-\u001f\u007f]+)?$/, "an sbatch option such as --exclusive or --constraint=a100 (one line)");

/** A shell line run before the trainer on the cluster (module load, source a venv): one line each. */
export const setupLine = z.string().refine((s) => !CONTROL.test(s.replace(/\t/g, " ")), "each setup entry must be one shell line (no newline or control characters)");

/** Refuses what can start a new line inside a rendered script, for values that skipped the schema. */
export function assertOneLine(value: string, what: string): string {
  if (CONTROL.test(value)) throw new AppError("invalid:train-config", `${what} contains a control character; refusing to render it into a script.`);
  return value;
}
