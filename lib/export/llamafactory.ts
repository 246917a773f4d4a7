/**
 * LLaMA-Factory's dataset_info.json for the exported files: the SFT file in its sharegpt
 * formatting with OpenAI-style role/content tags, the DPO file as a ranking dataset.
 */
export function llamaFactoryDatasetInfo(name: string, files: { sft?: string; dpo?: string }): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  if (files.sft) {
    info[`${name}_sft`] = {
      file_name: files.sft,
      formatting: "sharegpt",
      columns: { messages: "messages" },
      tags: { role_tag: "role", content_tag: "content", user_tag: "user", assistant_tag: "assistant" },
    };
  }
  if (files.dpo) {
    info[`${name}_dpo`] = {
      file_name: files.dpo,
      ranking: true,
      columns: { prompt: "prompt", chosen: "chosen", rejected: "rejected" },
    };
  }
  return info;
}
