/** Token and cost accounting: per call, summed per sample and per run. */
export interface Usage {
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** null when no call had a configured price */
  costUsd: number | null;
}

export const ZERO_USAGE: Usage = Object.freeze({ calls: 0, inputTokens: 0, outputTokens: 0, costUsd: null });

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    calls: a.calls + b.calls,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    costUsd: a.costUsd === null && b.costUsd === null ? null : (a.costUsd ?? 0) + (b.costUsd ?? 0),
  };
}

export function sumUsage(items: readonly Usage[]): Usage {
  return items.reduce(addUsage, ZERO_USAGE);
}

export function callCost(
  price: { pricePerMillionInput?: number; pricePerMillionOutput?: number },
  inputTokens: number,
  outputTokens: number,
): number | null {
  if (price.pricePerMillionInput === undefined && price.pricePerMillionOutput === undefined) return null;
  return (inputTokens * (price.pricePerMillionInput ?? 0) + outputTokens * (price.pricePerMillionOutput ?? 0)) / 1_000_000;
}
