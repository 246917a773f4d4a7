import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/**
 * CPU seconds of this process plus all its waited-for descendants (utime + stime + cutime +
 * cstime of /proc/self/stat). Sandboxed runs are reaped through the jail's subreaper, so their
 * whole process trees count; warm compilers count once they have been stopped.
 */
export function cpuSeconds(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields after the command: state is index 0, so utime = 11, stime = 12, cutime = 13, cstime = 14.
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / TICKS_PER_SECOND;
}
