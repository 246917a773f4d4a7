import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { probeEndpoint, type ProbeOptions } from "@/lib/llm/probe-endpoint";
import type { ProbeResult } from "@/lib/llm/probe/probe-result";
import { toModelEndpoint } from "@/lib/pipeline/run/run-endpoints";
import { toPublic, type PublicEndpoint } from "./endpoints";

/**
 * "Test connection": probes a Settings endpoint and stores what it found on its row, so the
 * client can use the structured-output mode and context length found (when set to "auto").
 * A failed test is stored too: the evaluation form says why the endpoint cannot be used.
 */
export async function testEndpoint(db: Db, ref: { id?: string; name?: string }, opts: ProbeOptions = {}): Promise<{ endpoint: PublicEndpoint; probe: ProbeResult }> {
  const row = ref.id ? await db.modelEndpoint.findUnique({ where: { id: ref.id } }) : await db.modelEndpoint.findUnique({ where: { name: ref.name ?? "" } });
  if (!row) throw new AppError("not_found:endpoint", ref.name ? `No model endpoint named "${ref.name}"` : `No model endpoint ${ref.id}`);
  const probe = await probeEndpoint(toModelEndpoint({ ...row, probeJson: null }), opts);
  const saved = await db.modelEndpoint.update({ where: { id: row.id }, data: { probeJson: JSON.stringify(probe), probedAt: new Date() } });
  return { endpoint: toPublic(saved), probe };
}
