#!/usr/bin/env node
// Generates the Prisma clients for SQLite and PostgreSQL from prisma/schema.prisma.
// The PostgreSQL schema is derived (provider and output swapped) so both share one model
// definition. Works offline: `prisma generate` needs no schema engine, so we point
// PRISMA_SCHEMA_ENGINE_BINARY at a no-op to stop the CLI from trying to download one.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { derivePostgresSchema } from "./derive-postgres-schema.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const sqliteSchema = path.join(root, "prisma/schema.prisma");
const pgSchema = path.join(root, "prisma/postgres/schema.prisma");


mkdirSync(path.dirname(pgSchema), { recursive: true });
writeFileSync(pgSchema, derivePostgresSchema(readFileSync(sqliteSchema, "utf8")));

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
const prisma = path.join(root, "node_modules/.bin/prisma");
for (const schema of [sqliteSchema, pgSchema]) {
  execFileSync(prisma, ["generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}
console.log("prisma clients generated (sqlite, pg)");
