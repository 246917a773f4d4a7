import "server-only";
import os from "node:os";
import { env } from "@/lib/env";
import { hostnameOf } from "@/lib/http/request-guard";

const LOOPBACK = ["127.0.0.1", "localhost", "::1"];
const WILDCARD = new Set(["0.0.0.0", "::", "[::]"]);

let cached: { key: string; hosts: Set<string> } | undefined;

/**
 * The host names this app answers to: loopback, HOST, ALLOWED_HOSTS, and, when HOST is a
 * wildcard (0.0.0.0), this machine's own name and interface addresses.
 */
export function allowedHostnames(): ReadonlySet<string> {
  const e = env();
  const key = `${e.HOST}|${e.ALLOWED_HOSTS.join(",")}`;
  if (cached?.key === key) return cached.hosts;
  const hosts = new Set<string>([...LOOPBACK, ...e.ALLOWED_HOSTS.map(hostnameOf)]);
  if (WILDCARD.has(e.HOST)) {
    hosts.add(os.hostname().toLowerCase());
    for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) hosts.add(a.address.toLowerCase().replace(/%.*$/, ""));
  } else hosts.add(hostnameOf(e.HOST));
  cached = { key, hosts };
  return hosts;
}
