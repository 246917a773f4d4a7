import path from "node:path";

/**
 * The real tiny random-weights GGUF model kept beside the checkout (../shared/models, see its
 * README): it writes gibberish, but loading, tokenizing, grammars and token budgets run for real.
 * Resolved from the repository root so that any checkout finds it.
 */
export const TINY_MODEL_PATH = path.resolve(import.meta.dirname, "../../../../shared/models/llama-2-tiny-random.gguf");
