import { execFileSync } from "node:child_process";

/** Processes (and threads' owners) running as a uid in [first, first + count). */
export function processesOfUids(first: number, count = 256): string[] {
  const out = execFileSync("ps", ["-eo", "uid=,pid=,stat=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => {
      const uid = Number(line.split(/\s+/)[0]);
      return uid >= first && uid < first + count;
    });
}
