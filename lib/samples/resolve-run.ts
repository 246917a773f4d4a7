import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** A run named on the command line by id or by name (the newest of that name). */
export async function resolveRun(db: Db, idOrName: string): Promise<{ id: string; name: string }> {
  const run =
    (await db.run.findUnique({ where: { id: idOrName }, select: { id: true, name: true } })) ??
    (await db.run.findFirst({ where: { name: idOrName }, orderBy: { createdAt: "desc" }, select: { id: true, name: true } }));
  if (!run) throw new AppError("not_found:run", `No run with id or name "${idOrName}".`);
  return run;
}
