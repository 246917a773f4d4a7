/**
 * Table 1 of "Multi-Agent Collaboration for Multilingual Code Instruction Tuning"
 * (Qwen2.5-xCoder), arXiv:2502.07487: pass@1 (%) of instruction LLMs on EvalPlus (HumanEval,
 * HumanEval+, MBPP, MBPP+) and MultiPL-E. Transcribed from the paper's text; null where the
 * paper prints "-". Kept as printed, including the paper's apparent slips: the
 * Qwen2.5-Coder-0.5B-Instruct row repeats its HE/HE+/MBPP/MBPP+ values in Python..C#, and
 * Qwen2.5-72B-Instruct is listed with size "32B", and for every Qwen2.5-xCoder row (and
 * Qwen2.5-Coder-0.5B-Instruct, Qwen2.5-72B-Instruct) "Avg." is not the mean of the eight
 * MultiPL-E columns. Checked number by number against the paper by paper-table1.test.ts.
 */
export const PAPER_TABLE1_SOURCE = {
  title: "Multi-Agent Collaboration for Multilingual Code Instruction Tuning",
  arxiv: "2502.07487",
  url: "https://arxiv.org/abs/2502.07487",
  table: "Table 1",
  metric: "pass@1 (%)",
} as const;

export const PAPER_TABLE1_COLUMNS = ["humaneval", "humaneval+", "mbpp", "mbpp+", "py", "java", "cpp", "cs", "ts", "js", "php", "sh", "avg"] as const;
export type PaperTable1Column = (typeof PAPER_TABLE1_COLUMNS)[number];

export interface PaperTable1Row {
  group: string;
  model: string;
  size: string | null;
  scores: Record<PaperTable1Column, number | null>;
}

type Cells = [number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null];

const row = (group: string, model: string, size: string | null, cells: Cells): PaperTable1Row => ({
  group,
  model,
  size,
  scores: Object.fromEntries(PAPER_TABLE1_COLUMNS.map((c, i) => [c, cells[i]])) as Record<PaperTable1Column, number | null>,
});

export const PAPER_TABLE1: readonly PaperTable1Row[] = [
  row("Closed-APIs", "Claude-3.5-Sonnet-20240620", null, [89.0, 81.1, 87.6, 72.0, 89.6, 86.1, 82.6, 85.4, 84.3, 84.5, 80.7, 48.1, 80.2]),
  row("Closed-APIs", "Claude-3.5-Sonnet-20241022", null, [92.1, 86.0, 91.0, 74.6, 93.9, 86.7, 88.2, 87.3, 88.1, 91.3, 82.6, 52.5, 83.8]),
  row("Closed-APIs", "GPT-4o-mini-2024-07-18", null, [87.8, 84.8, 86.0, 72.2, 87.2, 75.9, 77.6, 79.7, 79.2, 81.4, 75.2, 43.7, 75.0]),
  row("Closed-APIs", "GPT-4o-2024-08-06", null, [92.1, 86.0, 86.8, 72.5, 90.9, 83.5, 76.4, 81.0, 83.6, 90.1, 78.9, 48.1, 79.1]),
  row("Closed-APIs", "o1-mini", null, [97.6, 90.2, 93.9, 78.3, 95.7, 90.5, 93.8, 77.2, 91.2, 92.5, 84.5, 55.1, 85.1]),
  row("Closed-APIs", "o1-preview", null, [95.1, 88.4, 93.4, 77.8, 96.3, 88.0, 91.9, 84.2, 90.6, 93.8, 90.1, 47.5, 85.3]),
  row("0.5B+ Models", "Qwen2.5-Coder-0.5B-Instruct", "0.5B", [61.6, 57.3, 52.4, 43.7, 61.6, 57.3, 52.4, 43.7, 50.3, 50.3, 52.8, 27.8, 49.6]),
  row("0.5B+ Models", "Qwen2.5-xCoder (SFT)", "0.5B", [69.5, 66.5, 52.6, 45.5, 68.9, 57.6, 53.4, 67.7, 63.5, 66.5, 57.8, 33.5, 57.1]),
  row("0.5B+ Models", "Qwen2.5-xCoder (DPO)", "0.5B", [72.6, 67.1, 51.9, 45.2, 72.0, 58.2, 54.0, 68.4, 66.7, 64.0, 57.8, 36.7, 58.0]),
  row("1B+ Models", "DS-Coder-1.3B-Instruct", "1.3B", [65.9, 60.4, 65.3, 54.8, 65.2, 51.9, 45.3, 55.1, 59.7, 52.2, 45.3, 12.7, 48.4]),
  row("1B+ Models", "Yi-Coder-1.5B-Chat", "1.5B", [69.5, 64.0, 65.9, 57.7, 67.7, 51.9, 49.1, 57.6, 57.9, 59.6, 52.2, 19.0, 51.9]),
  row("1B+ Models", "Qwen2.5-Coder-1.5B-Instruct", "1.5B", [70.7, 66.5, 69.2, 59.4, 71.2, 55.7, 50.9, 64.6, 61.0, 62.1, 59.0, 29.1, 56.7]),
  row("1B+ Models", "Qwen2.5-xCoder (SFT)", "1.5B", [85.4, 79.9, 69.3, 59.5, 70.1, 68.4, 66.5, 68.4, 71.1, 72.7, 70.2, 44.3, 65.9]),
  row("1B+ Models", "Qwen2.5-xCoder (DPO)", "1.5B", [65.2, 60.4, 70.9, 61.6, 74.4, 69.6, 67.7, 70.9, 75.5, 74.5, 69.6, 44.9, 67.5]),
  row("3B+ Models", "Qwen2.5-Coder-3B-Instruct", "3B", [84.1, 80.5, 73.6, 62.4, 83.5, 74.7, 68.3, 78.5, 79.9, 75.2, 73.3, 43.0, 72.1]),
  row("3B+ Models", "Qwen2.5-xCoder (SFT)", "3B", [84.8, 79.9, 69.3, 61.1, 67.7, 57.6, 39.8, 28.5, 43.4, 55.3, 38.5, 31.6, 42.1]),
  row("3B+ Models", "Qwen2.5-xCoder (DPO)", "3B", [85.4, 80.5, 75.7, 66.7, 80.5, 11.4, 70.2, 80.4, 82.4, 82.6, 74.5, 43.7, 63.6]),
  row("6B+ Models", "CodeLlama-7B-Instruct", "7B", [40.9, 33.5, 54.0, 44.4, 34.8, 30.4, 31.1, 21.6, 32.7, null, 28.6, 10.1, null]),
  row("6B+ Models", "DS-Coder-6.7B-Instruct", "6.7B", [74.4, 71.3, 74.9, 65.6, 78.6, 68.4, 63.4, 72.8, 67.2, 72.7, 68.9, 36.7, 66.1]),
  row("6B+ Models", "CodeQwen1.5-7B-Chat", "7B", [83.5, 78.7, 77.7, 67.2, 84.1, 73.4, 74.5, 77.8, 71.7, 75.2, 70.8, 39.2, 70.8]),
  row("6B+ Models", "Yi-Coder-9B-Chat", "9B", [82.3, 74.4, 82.0, 69.0, 85.4, 76.0, 67.7, 76.6, 72.3, 78.9, 72.1, 45.6, 71.8]),
  row("6B+ Models", "DS-Coder-V2-Lite-Instruct", "2.4/16B", [81.1, 75.6, 82.8, 70.4, 81.1, 76.6, 75.8, 76.6, 80.5, 77.6, 74.5, 43.0, 73.2]),
  row("6B+ Models", "Qwen2.5-Coder-7B-Instruct", "7B", [88.4, 84.1, 83.5, 71.7, 87.8, 76.5, 75.6, 80.3, 81.8, 83.2, 78.3, 48.7, 76.5]),
  row("6B+ Models", "OpenCoder-8B-Instruct", "8B", [83.5, 78.7, 79.1, 69.0, 83.5, 72.2, 61.5, 75.9, 78.0, 79.5, 73.3, 44.3, 71.0]),
  row("6B+ Models", "Qwen2.5-xCoder (SFT)", "7B", [86.0, 79.9, 81.2, 67.2, 84.1, 39.2, 78.9, 79.7, 81.8, 78.9, 68.3, 46.2, 67.6]),
  row("6B+ Models", "Qwen2.5-xCoder (DPO)", "7B", [86.0, 79.9, 82.3, 69.3, 82.3, 23.4, 77.0, 81.6, 81.1, 82.0, 65.8, 47.5, 65.5]),
  row("13B+ Models", "CodeLlama-13B-Instruct", "13B", [40.2, 32.3, 60.3, 51.1, 42.7, 40.5, 42.2, 24.0, 39.0, null, 32.3, 13.9, null]),
  row("13B+ Models", "Starcoder2-15B-Instruct-v0.1", "15B", [67.7, 60.4, 78.0, 65.1, 68.9, 53.8, 50.9, 62.7, 57.9, 59.6, 53.4, 24.7, 54.0]),
  row("13B+ Models", "Qwen2.5-Coder-14B-Instruct", "14B", [89.6, 87.2, 86.2, 72.8, 89.0, 79.7, 85.1, 84.2, 86.8, 84.5, 80.1, 47.5, 79.6]),
  row("13B+ Models", "Qwen2.5-xCoder (SFT)", "14B", [88.4, 83.5, 84.1, 73.3, 89.0, 81.0, 75.2, 81.6, 84.3, 85.1, 75.2, 46.8, 75.6]),
  row("13B+ Models", "Qwen2.5-xCoder (DPO)", "14B", [89.0, 84.8, 83.1, 72.0, 91.5, 81.0, 78.9, 82.9, 85.5, 85.1, 77.0, 48.1, 76.9]),
  row("20B+ Models", "CodeLlama-34B-Instruct", "34B", [48.2, 40.2, 61.1, 50.5, 41.5, 43.7, 45.3, 31.0, 40.3, null, 36.6, 19.6, null]),
  row("20B+ Models", "CodeStral-22B-v0.1", "22B", [81.1, 73.2, 78.2, 62.2, 81.1, 63.3, 65.2, 43.7, 68.6, null, 68.9, 42.4, null]),
  row("20B+ Models", "DS-Coder-33B-Instruct", "33B", [81.1, 75.0, 80.4, 70.1, 79.3, 73.4, 68.9, 74.1, 67.9, 73.9, 72.7, 43.0, 69.2]),
  row("20B+ Models", "CodeLlama-70B-Instruct", "70B", [72.0, 65.9, 77.8, 64.6, 67.8, 58.2, 53.4, 36.7, 39.0, null, 58.4, 29.7, null]),
  row("20B+ Models", "DS-Coder-V2-Instruct", "21/236B", [85.4, 82.3, 89.4, 75.1, 90.2, 82.3, 84.8, 82.3, 83.0, 84.5, 79.5, 52.5, 79.9]),
  row("20B+ Models", "Qwen2.5-Coder-32B-Instruct", "32B", [92.7, 87.2, 90.2, 75.1, 92.7, 80.4, 79.5, 82.9, 86.8, 85.7, 78.9, 48.1, 79.4]),
  row("20B+ Models", "Qwen2.5-32B-Instruct", "32B", [87.8, 82.9, 86.8, 70.9, 88.4, 80.4, 81.0, 74.5, 83.5, 82.4, 78.3, 46.8, 76.9]),
  row("20B+ Models", "Qwen2.5-72B-Instruct", "32B", [85.4, 79.3, 90.5, 77.0, 82.9, 81.0, 80.7, 81.6, 81.1, 82.0, 77.0, 48.7, 75.1]),
  row("20B+ Models", "Qwen2.5-SynCoder", "32B", [92.7, 87.8, 86.2, 74.7, 92.1, 80.4, 80.7, 81.6, 83.0, 85.7, 77.6, 49.4, 78.8]),
  row("20B+ Models", "Qwen2.5-xCoder (SFT)", "32B", [87.8, 84.1, 84.9, 74.9, 89.6, 74.7, 73.3, 79.1, 82.4, 81.4, 78.3, 46.2, 73.6]),
  row("20B+ Models", "Qwen2.5-xCoder (DPO)", "32B", [89.0, 86.0, 85.4, 74.9, 90.9, 76.6, 72.7, 79.1, 83.6, 81.4, 78.9, 49.4, 74.5]),
];
