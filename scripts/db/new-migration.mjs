#!/usr/bin/env node
// Developer tool: writes a new migration for SQLite (prisma/migrations) and PostgreSQL
// (prisma/postgres/migrations) from the change of prisma/schema.prisma since a base.
//   npm run db:new-migration -- NAME [--from-git REV | --from-empty]
// Prisma 7's `migrate diff` needs a schema-engine binary it downloads; Prisma 6.19's
// JS (wasm) engine works offline through driver adapters, so this script installs
// prisma@6.19 into node_modules/.cache/prisma6 once and diffs datamodel -> datamodel.
// PostgreSQL's diff needs a live server: a throwaway cluster is started for it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPgCluster } from "../test/pg-cluster.mjs";
import { derivePostgresSchema } from "./derive-postgres-schema.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--"));
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- NAME (snake_case) [--from-git REV | --from-empty]");
  process.exit(2);
}
const fromEmpty = args.includes("--from-empty");
const gitRev = args.includes("--from-git") ? args[args.indexOf("--from-git") + 1] : "HEAD";

const tool = path.join(root, "node_modules/.cache/prisma6");
if (!existsSync(path.join(tool, "node_modules/.bin/prisma"))) {
  mkdirSync(tool, { recursive: true });
  writeFileSync(path.join(tool, "package.json"), "{}");
  execFileSync("npm", ["install", "--no-save", "prisma@6.19.0", "@prisma/adapter-better-sqlite3@6.19.0", "@prisma/adapter-pg@6.19.0"], { cwd: tool, stdio: "inherit" });
}

const work = mkdtempSync(path.join(os.tmpdir(), "xi-migrate-"));
// Prisma 6 wants a classic generator and a url in the datasource block.
const forPrisma6 = (text, url) =>
  text
    .replace(/generator client \{[^}]*\}/s, 'generator client {\n  provider = "prisma-client-js"\n}')
    .replace(/(datasource db \{\s*provider = "[a-z]+")/, `$1\n  url = "${url}"`);

const current = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const previous = fromEmpty ? null : execFileSync("git", ["show", `${gitRev}:prisma/schema.prisma`], { cwd: root, encoding: "utf8" });

function diff(dialect, url) {
  const derive = (t) => (dialect === "sqlite" ? t : derivePostgresSchema(t));
  const dir = path.join(work, dialect);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "to.prisma"), forPrisma6(derive(current), url));
  if (previous) writeFileSync(path.join(dir, "from.prisma"), forPrisma6(derive(previous), url));
  const adapter =
    dialect === "sqlite"
      ? `import { PrismaBetterSQLite3 as A } from "@prisma/adapter-better-sqlite3"; const a = () => new A({ url: "${url}" });`
      : `import { PrismaPg as A } from "@prisma/adapter-pg"; const a = () => new A({ connectionString: "${url}" });`;
  writeFileSync(
    path.join(tool, `config.${dialect}.ts`),
    `import { defineConfig } from "prisma/config"; ${adapter}\nexport default defineConfig({ experimental: { adapter: true }, engine: "js", schema: "${dir}/to.prisma", async adapter() { return a(); } });\n`,
  );
  const from = previous ? ["--from-schema-datamodel", path.join(dir, "from.prisma")] : ["--from-empty"];
  return execFileSync(
    path.join(tool, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--config", `config.${dialect}.ts`, ...from, "--to-schema-datamodel", path.join(dir, "to.prisma"), "--script"],
    { cwd: tool, encoding: "utf8", env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_QUERY_ENGINE_LIBRARY: "/bin/true" } },
  );
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = `${stamp}_${name}`;
const pg = await startPgCluster();
try {
  const outputs = { sqlite: diff("sqlite", `file:${path.join(work, "x.db")}`), postgresql: diff("postgresql", pg.url) };
  for (const [dialect, sql] of Object.entries(outputs)) {
    if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
      console.log(`${dialect}: no schema change`);
      continue;
    }
    const base = dialect === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations";
    mkdirSync(path.join(root, base, folder), { recursive: true });
    writeFileSync(path.join(root, base, folder, "migration.sql"), sql);
    writeFileSync(path.join(root, base, "migration_lock.toml"), `# Managed by scripts/db/new-migration.mjs\nprovider = "${dialect}"\n`);
    console.log(`wrote ${base}/${folder}/migration.sql`);
  }
} finally {
  await pg.stop();
}
