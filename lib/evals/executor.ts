import "server-only";
import { AppError } from "@/lib/errors";
import type { Execute } from "@/lib/evals/types";

/**
 * The product's executor: the sandbox (lib/sandbox, built on its own branch). Loaded lazily so
 * this library builds and tests without it; until it lands every call fails with
 * AppError("unavailable:sandbox"). At merge, point this at the sandbox's Execute.
 */
const SANDBOX_MODULE = "@/lib/sandbox";

let loaded: Promise<Execute> | null = null;

async function loadSandbox(): Promise<Execute> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(/* webpackIgnore: true */ SANDBOX_MODULE)) as Record<string, unknown>;
  } catch (e) {
    throw new AppError("unavailable:sandbox", "Program execution is unavailable: the sandbox module is not installed.", { cause: e });
  }
  if (typeof mod.execute === "function") return mod.execute as Execute;
  if (typeof mod.createExecutor === "function") return (mod.createExecutor as () => Execute)();
  throw new AppError("unavailable:sandbox", "Program execution is unavailable: the sandbox module exports no executor.");
}

export function getExecutor(): Execute {
  return async (items, opts) => {
    loaded ??= loadSandbox().catch((e) => {
      loaded = null;
      throw e;
    });
    return (await loaded)(items, opts);
  };
}
