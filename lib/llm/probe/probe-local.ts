import "server-only";
import { open, stat } from "node:fs/promises";
import { ProbeFailure } from "./probe-http";

/** Provider "local": the model file exists, is readable and is a GGUF file (magic bytes "GGUF"). */
export async function checkGgufFile(modelPath: string | undefined): Promise<{ bytes: number }> {
  if (!modelPath) throw new ProbeFailure("file", "No model file set: a local endpoint needs the path of a .gguf file.");
  let size: number;
  try {
    const s = await stat(modelPath);
    if (!s.isFile()) throw new ProbeFailure("file", `${modelPath} is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof ProbeFailure) throw e;
    const code = (e as { code?: string }).code;
    throw new ProbeFailure("file", code === "ENOENT" ? `The model file ${modelPath} does not exist on the server.` : code === "EACCES" ? `The model file ${modelPath} cannot be read (permission denied).` : `The model file ${modelPath} cannot be read (${code ?? String(e)}).`);
  }
  const fh = await open(modelPath, "r").catch(() => {
    throw new ProbeFailure("file", `The model file ${modelPath} cannot be read (permission denied).`);
  });
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    if (bytesRead < 4 || head.toString("latin1") !== "GGUF") {
      throw new ProbeFailure("file", `${modelPath} is not a GGUF model file (it does not start with "GGUF"). Convert it with llama.cpp or download a .gguf build of the model.`);
    }
  } finally {
    await fh.close();
  }
  return { bytes: size };
}
