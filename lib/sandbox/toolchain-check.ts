import "server-only";
import { access, constants } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import type { LanguageSpec, ToolchainPaths } from "@/lib/sandbox/languages/language-spec";

/** Null when every file the language needs is there; otherwise the error naming what to install. */
export async function checkToolchain(language: LanguageSpec, paths: ToolchainPaths): Promise<AppError | null> {
  for (const requirement of language.requires(paths)) {
    try {
      await access(requirement.path, constants.R_OK);
    } catch {
      return new AppError(
        "unavailable:language",
        `${language.name} is unavailable on this server: ${requirement.path} is missing (install the ${requirement.install}).`,
        { detail: { language: language.id, path: requirement.path } },
      );
    }
  }
  return null;
}

/**
 * Throws `unavailable:language` (naming what to install) for the first of `ids` whose toolchain
 * is missing with the default toolchain paths; for checks before work starts (a new evaluation).
 */
export async function assertLanguagesAvailable(ids: readonly string[]): Promise<void> {
  const { languages } = await import("@/lib/sandbox/languages/registry");
  const { defaultToolchainPaths } = await import("@/lib/sandbox/runtime");
  const paths = defaultToolchainPaths();
  for (const id of ids) {
    const language = (languages as Record<string, LanguageSpec | undefined>)[id];
    if (!language) continue;
    const missing = await checkToolchain(language, paths);
    if (missing) throw missing;
  }
}

/** The sandbox itself needs bubblewrap, prlimit and setpriv (util-linux). */
export async function checkSandboxTools(tools: { bwrap: string; prlimit: string; setpriv: string }): Promise<void> {
  const packages: Record<string, string> = { bwrap: "bubblewrap", prlimit: "util-linux", setpriv: "util-linux" };
  for (const [name, file] of Object.entries(tools)) {
    try {
      await access(file, constants.X_OK);
    } catch {
      throw new AppError("unavailable:sandbox", `The sandbox needs ${file} (install the apt package ${packages[name]}).`);
    }
  }
}
