import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { POST } from "@/app/api/training/[id]/metrics/route";

/**
 * A real HTTP server on 127.0.0.1 that serves the app's metrics route handler itself, so a
 * trainer process in a test reports exactly as it would to the running app.
 */
export interface MetricsServer {
  url: string;
  statuses: number[];
  close(): Promise<void>;
}

export async function startMetricsServer(): Promise<MetricsServer> {
  const statuses: number[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const m = /^\/api\/training\/([^/]+)\/metrics$/.exec(req.url ?? "");
    if (!m || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const nreq = new NextRequest(`http://127.0.0.1${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
    const out = await POST(nreq, { params: Promise.resolve({ id: decodeURIComponent(m[1]) }) });
    statuses.push(out.status);
    res.writeHead(out.status, { "content-type": "application/json" }).end(Buffer.from(await out.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statuses,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
