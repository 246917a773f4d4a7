#!/usr/bin/env node
// `npm run bench:route-bundle`: bytes of server code the web server loads for a route, read from
// the Next build output (`.next/server`, run `next build` first). A Turbopack route file lists the
// chunks it loads up front (`R.c("server/chunks/…")`); a chunk may name further chunks it loads on
// demand (dynamic import). Printed per route: eager bytes (loaded with the route), reachable bytes
// (eager plus everything they may load later) and, as a baseline measured in this same run, the
// route's share of all server chunks of the build.
//   --save FILE      write the figures as JSON (e.g. before a change)
//   --against FILE   also print each figure as a ratio to the one saved in FILE
//   --route PATH     measure this app route (repeatable; default: the routes that queue jobs)
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const server = path.join(root, ".next/server");
const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const routes = args.flatMap((a, i) => (args[i - 1] === "--route" ? [a] : []));
const ROUTES = routes.length ? routes : ["/api/runs", "/api/evaluations", "/api/corpora", "/api/training", "/api/jobs", "/api/ablations"];

if (!existsSync(server)) {
  console.error("no .next/server: run `NEXT_TELEMETRY_DISABLED=1 npx next build` first");
  process.exit(1);
}

const CHUNK_REF = /"(server\/chunks\/[^"]+?\.js)"/g;
const size = (rel) => statSync(path.join(root, ".next", rel)).size;
const refs = (rel) => [...readFileSync(path.join(root, ".next", rel), "utf8").matchAll(CHUNK_REF)].map((m) => m[1]);

function measure(route) {
  const entry = `server/app${route}/route.js`;
  if (!existsSync(path.join(root, ".next", entry))) throw new Error(`no ${entry} in the build`);
  const eager = new Set(refs(entry).filter((r) => existsSync(path.join(root, ".next", r))));
  const reachable = new Set(eager);
  const todo = [...eager];
  while (todo.length) {
    for (const r of refs(todo.pop())) {
      if (!reachable.has(r) && existsSync(path.join(root, ".next", r))) { reachable.add(r); todo.push(r); }
    }
  }
  const sum = (set) => [...set].reduce((n, r) => n + size(r), size(entry));
  return { eagerBytes: sum(eager), eagerChunks: eager.size, reachableBytes: sum(reachable), reachableChunks: reachable.size };
}

const allChunkBytes = readdirSync(path.join(server, "chunks")).filter((f) => f.endsWith(".js")).reduce((n, f) => n + statSync(path.join(server, "chunks", f)).size, 0);
const result = { allChunkBytes, routes: Object.fromEntries(ROUTES.map((r) => [r, measure(r)])) };
const before = opt("--against") ? JSON.parse(readFileSync(opt("--against"), "utf8")) : null;

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`all server chunks: ${kb(allChunkBytes)}${before ? ` (before ${kb(before.allChunkBytes)})` : ""}`);
for (const [route, m] of Object.entries(result.routes)) {
  const b = before?.routes?.[route];
  const ratio = (k) => (b ? `  ratio to before ${(m[k] / b[k]).toFixed(3)}` : "");
  console.log(`${route}: eager ${kb(m.eagerBytes)} in ${m.eagerChunks} chunks (${((100 * m.eagerBytes) / allChunkBytes).toFixed(1)}% of all)${ratio("eagerBytes")}; reachable ${kb(m.reachableBytes)} in ${m.reachableChunks} chunks${ratio("reachableBytes")}`);
}
if (opt("--save")) writeFileSync(opt("--save"), JSON.stringify(result, null, 2) + "\n");
