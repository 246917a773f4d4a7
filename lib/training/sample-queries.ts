import { promptMessages } from "@/lib/export/records";
import type { DpoQuery } from "@/lib/pipeline/dpo/select-queries";

/** What `python -m trainer sample` is asked (trainer/sample.py's SampleConfig, snake_case). */
export interface SamplerSettings {
  /** the SFT output directory (its final/ model), a Hugging Face id, or tiny-test */
  model: string;
  n: number;
  temperature: number;
  maxNewTokens?: number;
  engine?: "auto" | "vllm" | "transformers" | "native";
}

/** One query line: the user turn exactly as the SFT export wrote it, so the model sees its training format. */
export function samplingQueryLine(q: DpoQuery): string {
  return JSON.stringify({ id: q.id, messages: promptMessages(q.instruction) });
}

export function samplerConfig(s: SamplerSettings, files: { queries: string; output: string }) {
  return { model: s.model, queries: files.queries, output: files.output, n: s.n, temperature: s.temperature, max_new_tokens: s.maxNewTokens ?? 1024, engine: s.engine ?? "auto" };
}

/** The other way: serve the SFT checkpoint and sample from it as an endpoint (the exact command). */
export function vllmServeCommand(modelDir: string, name = "sft"): string {
  const q = (s: string) => (/^[\w./:=-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  return `vllm serve ${q(modelDir)} --served-model-name ${q(name)}`;
}
