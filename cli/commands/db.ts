import type { Command } from "commander";
import { env } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";

export default function register(program: Command): void {
  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Apply pending migrations to DATABASE_URL (default: SQLite under ./data)")
    .action(async () => {
      const { databaseUrl, dialect } = env();
      const result = await migrate(databaseUrl);
      const where = dialect === "sqlite" ? databaseUrl.slice(5) : "PostgreSQL";
      if (result.applied.length === 0) console.log(`database is up to date (${where}, ${result.alreadyApplied} migrations)`);
      for (const name of result.applied) console.log(`applied ${name} (${where})`);
    });
}
