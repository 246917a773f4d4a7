import { resolveLocalPython } from "@/lib/training/backends/python";

/** The interpreter with torch on this machine (Debian's /usr/bin/python3 when a pyenv python3 shadows it). */
export function pythonWithTorch(): Promise<string> {
  return resolveLocalPython("python3");
}
