/**
 * The token budget of a re-ask after a cut-off answer (finish_reason "length"): doubled, but no
 * more than the context window leaves after the prompt when the endpoint's context is known.
 * Null when it cannot grow: asking again with the same budget would be cut off again.
 */
export function grownBudget(current: number, limits: { contextLength?: number; promptTokens?: number }): number | null {
  const doubled = current * 2;
  const room = limits.contextLength !== undefined ? limits.contextLength - (limits.promptTokens ?? 0) : Infinity;
  const next = Math.min(doubled, room);
  return next > current ? next : null;
}
