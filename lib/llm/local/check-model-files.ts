import "server-only";
import { MODEL_ROLES, type RunConfig } from "@/lib/domain/run-config";
import { AppError } from "@/lib/errors";
import { checkGgufFile } from "./gguf-file";

/**
 * Before a run is created: every local endpoint a role uses names a GGUF file that is there,
 * so that a wrong path is an error on submit, not a run whose every step fails.
 */
export async function checkRunModelFiles(config: RunConfig): Promise<void> {
  const used = new Set(MODEL_ROLES.map((r) => config.models[r].endpoint));
  const problems: string[] = [];
  for (const [i, e] of config.models.endpoints.entries()) {
    if (e.provider !== "local" || !used.has(e.name) || !e.modelPath) continue;
    await checkGgufFile(e.modelPath).catch((err: unknown) => problems.push(`  models.endpoints.${i}.modelPath (${e.name}): ${err instanceof Error ? err.message : String(err)}`));
  }
  if (problems.length) throw new AppError("invalid:run-config", `Invalid run config:\n${problems.join("\n")}`);
}
