"use client";
import type { DpoQueryView } from "@/lib/pipeline/dpo/dpo-query-view";
import type { SampleDetail, SamplePage } from "@/lib/samples/types";

/** Browser calls of the samples API; errors carry the server's user-facing message. */
export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(body?.error?.message ?? `HTTP ${res.status}`, res.status, body?.error?.code);
  return body as T;
}

export const api = {
  page: (qs: string, signal?: AbortSignal) => call<SamplePage>(`/api/samples?${qs}`, { signal }),
  sample: (id: string, signal?: AbortSignal) => call<SampleDetail>(`/api/samples/${id}`, { signal }),
  dpo: (runId: string, sampleId: string, signal?: AbortSignal) => call<DpoQueryView>(`/api/runs/${encodeURIComponent(runId)}/dpo/${encodeURIComponent(sampleId)}`, { signal }),
  edit: (id: string, body: { instruction: string; solution: string; tests: string | null }) => call<SampleDetail>(`/api/samples/${id}`, { method: "PATCH", body: JSON.stringify(body) }),
  curate: (body: { action: "accept" | "reject" | "reset"; ids?: string[]; filter?: Record<string, unknown> }) => call<{ updated: number }>("/api/samples/curate", { method: "POST", body: JSON.stringify(body) }),
  runAgain: (id: string, body: { solution: string; tests: string | null }) => call<{ execution: unknown }>(`/api/samples/${id}/run`, { method: "POST", body: JSON.stringify(body) }),
  export: (body: { format: string; filter: Record<string, unknown>; fence: boolean; includeFailing: boolean; dedup: boolean }) =>
    call<{ id: string; files: { path: string; rows: number; bytes: number; url: string }[]; sft: { total: number }; dpo: { total: number }; dedup: { enabled: boolean; removed: number; checked: number; byKind: Record<string, number> }; decontamination: { configured: boolean; removed: number; checked: number }; failingTests: { included: boolean; count: number } }>("/api/export", { method: "POST", body: JSON.stringify(body) }),
};
