/** A JSON call to the app's API for TanStack Query: a non-2xx answer throws the server's message. */
export async function apiJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status} from ${url}`);
  return body as T;
}

/** Query keys, one factory per resource. */
export const queryKeys = {
  session: ["auth", "session"] as const,
  runAgents: (runId: string, query: string) => ["runs", runId, "agents", query] as const,
  runDiscussions: (runId: string, query: string) => ["runs", runId, "discussions", query] as const,
  runDiscussion: (runId: string, discussionId: string) => ["runs", runId, "discussion", discussionId] as const,
  runCalls: (runId: string, outcome: string) => ["runs", runId, "calls", { outcome }] as const,
  trainingQueue: (jobId: string) => ["training", jobId, "queue"] as const,
  trainingJobs: ["training", "jobs"] as const,
  /** a run's verify and DPO stages, read from its snapshot after the event stream ended */
  runStages: (runId: string) => ["runs", runId, "stages"] as const,
  /** one page sequence of the samples table for a filter and sort (its query string) */
  samplePages: (query: string) => ["samples", "pages", query] as const,
  sample: (id: string) => ["samples", "detail", id] as const,
  dpoQuery: (runId: string, sampleId: string) => ["runs", runId, "dpo", sampleId] as const,
};
