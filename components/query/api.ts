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
};
