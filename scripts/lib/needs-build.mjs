// Whether .next is missing or older than any source that goes into the build.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(p)) if (e !== "generated" && e !== "node_modules") max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

export function needsBuild(root) {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "proxy.ts", "next.config.js", "package-lock.json", "prisma/schema.prisma"];
  return Math.max(...sources.map((p) => newestMtime(path.join(root, p)))) > built;
}
