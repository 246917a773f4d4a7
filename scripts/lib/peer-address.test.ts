import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PEER_HEADER } from "@/lib/auth/login-limiter";

/**
 * The preload scripts/start.mjs gives the web server: a real Node HTTP server process with it,
 * answering with the headers its handler saw. A client's forged peer header is overwritten by the
 * socket's address; its X-Forwarded-For is left for the app to ignore (or trust behind a proxy).
 */
const preload = pathToFileURL(path.resolve("scripts/lib/peer-address.mjs")).href;
const server = `
  const http = require("node:http");
  const s = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
  s.listen(0, "127.0.0.1", () => console.log("PORT " + s.address().port));
`;

function get(port: number, headers: Record<string, string>): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(JSON.parse(body)));
    }).on("error", reject);
  });
}

describe("peer-address preload", () => {
  it("overwrites a client's own peer header with the socket's address", async () => {
    expect(PEER_HEADER).toBe("x-xinstruct-peer"); // the same name in the .mjs preload
    const child = spawn(process.execPath, ["--import", preload, "-e", server], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on("data", (c: Buffer) => {
          const m = /PORT (\d+)/.exec(c.toString());
          if (m) resolve(Number(m[1]));
        });
        child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
      });
      const seen = await get(port, { [PEER_HEADER]: "203.0.113.66", "x-forwarded-for": "198.18.0.1" });
      expect(seen[PEER_HEADER]).toBe("127.0.0.1");
      expect(seen["x-forwarded-for"]).toBe("198.18.0.1");
      expect((await get(port, {}))[PEER_HEADER]).toBe("127.0.0.1");
    } finally {
      child.kill();
    }
  });
});
