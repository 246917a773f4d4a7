"use client";
import { useQuery } from "@tanstack/react-query";
import { apiJson, queryKeys } from "@/components/query/api";
import { queueText, type QueuePositionLike } from "@/lib/training/queue-text";

/** While a job is queued: how many jobs are ahead of it and what the workers are doing, kept fresh. */
export function QueuePosition({ jobId }: { jobId: string }) {
  const q = useQuery({
    queryKey: queryKeys.trainingQueue(jobId),
    queryFn: ({ signal }) => apiJson<{ status: string; position: QueuePositionLike | null }>(`/api/training/${jobId}/queue`, { signal }),
    refetchInterval: (query) => (query.state.data && query.state.data.position === null ? false : 2_000),
  });
  if (q.error) return <span className="error" data-testid="training-queue">queue position unavailable: {q.error.message}</span>;
  if (!q.data?.position) return null;
  return <span className="muted" data-testid="training-queue">{queueText(q.data.position)}</span>;
}
