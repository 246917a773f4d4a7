import "server-only";
import path from "node:path";
import { env } from "@/lib/env";

/** Where job directories live and how the trainer reaches the app, from the environment. */
export function trainingWorkRoot(): string {
  return path.join(env().dataDir, "training");
}

export function defaultAppUrl(): string {
  const e = env();
  const host = e.isLoopback || e.HOST === "0.0.0.0" || e.HOST === "::" ? "127.0.0.1" : e.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${e.PORT}`;
}
