/** The record a queued job works on, from the ids in its payload: what the jobs list links to. */
export interface JobSubject { label: string; href: string | null }

const LINKS: [field: string, label: string, base: string | null][] = [
  ["corpusId", "corpus", "/corpora/"],
  ["runId", "run", "/runs/"],
  ["trainingJobId", "training job", "/training/"],
  ["evaluationId", "evaluation", "/evaluations/"],
  ["variantId", "ablation variant", null],
];

export function jobSubject(payload: unknown): JobSubject | null {
  if (!payload || typeof payload !== "object") return null;
  const p = payload as Record<string, unknown>;
  for (const [field, label, base] of LINKS) {
    const id = p[field];
    if (typeof id === "string" && id) return { label, href: base ? `${base}${encodeURIComponent(id)}` : null };
  }
  return null;
}
