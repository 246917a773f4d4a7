// SSE latency: time from an event's insert into the database to its arrival at connected
// browsers-like clients over HTTP, p50/p95, with 50 clients, against 1 client in the same run.
//   npm run bench:sse   (builds the app first if needed)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { createDb, prepareConnection, type Db } from "@/lib/db/client";
import { appendEvent } from "@/lib/events/store";
import { waitFor } from "@/lib/testing/spawn-cli";

const PORT = 3217;
const EVENTS = 200;
const dir = mkdtempSync(path.join(os.tmpdir(), "xi-bench-sse-"));
const url = `file:${path.join(dir, "xinstruct.db")}`;
const server = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, PORT: String(PORT), DATA_DIR: dir, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });

async function client(runId: string, latencies: number[], ready: () => void): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${PORT}/api/runs/${runId}/events`);
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = "";
  ready();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buf += dec.decode(value, { stream: true });
    let i;
    while ((i = buf.indexOf("\n\n")) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const data = /^data: (.+)$/m.exec(block);
      if (!data) continue;
      const e = JSON.parse(data[1]);
      if (e.type === "tick") latencies.push(Date.now() - e.data.t);
    }
  }
}

async function measure(db: Db, clients: number): Promise<{ p50: number; p95: number; n: number }> {
  const run = await db.run.create({ data: { name: `sse-bench-${clients}`, config: {} } });
  const latencies: number[] = [];
  let connected = 0;
  const all = Array.from({ length: clients }, () => client(run.id, latencies, () => connected++));
  await waitFor(async () => connected === clients);
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < EVENTS; i++) {
    await appendEvent(db, `run:${run.id}`, "tick", { t: Date.now(), i });
    await new Promise((r) => setTimeout(r, 10));
  }
  await appendEvent(db, `run:${run.id}`, "end", { status: "succeeded" });
  await Promise.all(all);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  if (latencies.length !== clients * EVENTS) throw new Error(`lost events: ${latencies.length}/${clients * EVENTS}`);
  return { p50: q(0.5), p95: q(0.95), n: latencies.length };
}

try {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${PORT}/api/health`).catch(() => null))?.ok, 300_000, 500);
  const db = createDb(url);
  await prepareConnection(db, url);
  const one = await measure(db, 1);
  const fifty = await measure(db, 50);
  console.log(`\nSSE: insert -> client arrival, ${EVENTS} events every 10 ms (${os.cpus().length} cores, hub poll 50 ms)\n`);
  console.log("| clients | p50 (ms) | p95 (ms) | deliveries |\n| --- | --- | --- | --- |");
  console.log(`| 1 | ${one.p50} | ${one.p95} | ${one.n} |`);
  console.log(`| 50 | ${fifty.p50} | ${fifty.p95} | ${fifty.n} |`);
  console.log(`\n50 vs 1 client: p50 ${(fifty.p50 / Math.max(1, one.p50)).toFixed(2)}×, p95 ${(fifty.p95 / Math.max(1, one.p95)).toFixed(2)}×`);
  await db.$disconnect();
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
  rmSync(dir, { recursive: true, force: true });
}
