import "server-only";
import { checkGgufFile } from "./gguf-file";

/**
 * What a GGUF file says about its model, read from its header without loading the weights:
 * for Settings and the connection test of a local endpoint ("the probe learns the context").
 */
export interface LocalModelInfo {
  path: string;
  sizeBytes: number;
  architecture: string | null;
  /** general.name, when the file has one */
  name: string | null;
  /** the context length the model was trained with */
  contextLength: number | null;
  /** the GGUF carries its own chat template (otherwise a generic one is used) */
  hasChatTemplate: boolean;
}

export async function inspectLocalModel(modelPath: string): Promise<LocalModelInfo> {
  const file = await checkGgufFile(modelPath);
  const { readGgufFileInfo } = await import("node-llama-cpp");
  const info = await readGgufFileInfo(file.path, { readTensorInfo: false, logWarnings: false, ignoreKeys: ["tokenizer.ggml.tokens", "tokenizer.ggml.scores", "tokenizer.ggml.token_type", "tokenizer.ggml.merges"] });
  const meta = info.metadata as unknown as { general?: { architecture?: string; name?: string }; tokenizer?: { chat_template?: string } } & Record<string, { context_length?: number } | undefined>;
  const architecture = meta.general?.architecture ?? null;
  const contextLength = architecture ? (meta[architecture]?.context_length ?? null) : null;
  return { path: file.path, sizeBytes: file.sizeBytes, architecture, name: meta.general?.name ?? null, contextLength: contextLength === null ? null : Number(contextLength), hasChatTemplate: Boolean(meta.tokenizer?.chat_template) };
}
