"use client";
import { useQuery } from "@tanstack/react-query";
import { apiJson, queryKeys } from "@/components/query/api";
import { STAGE_EVENT_TYPES, stageActive, stagesPending, type PolledStages, type StageState } from "@/lib/domain/run-stages";
import { runViewFromSnapshot, type RunSnapshot } from "@/lib/domain/run-view";


async function readStages(runId: string, signal: AbortSignal): Promise<PolledStages> {
  const snapshot = await apiJson<RunSnapshot>(`/api/runs/${encodeURIComponent(runId)}/snapshot?messages=0`, { signal });
  const stageSeq = Math.max(0, ...snapshot.events.filter((e) => (STAGE_EVENT_TYPES as readonly string[]).includes(e.type)).map((e) => e.seq));
  return { seq: snapshot.lastSeq, stageSeq, stages: runViewFromSnapshot(snapshot).stages };
}

/**
 * The verify and dpo stages of a run whose event stream has ended: the generation's `end`
 * closes the stream and these stages come after it. Reads the run's snapshot without discussion
 * messages (a few index seeks, whatever the run's length) every `everyMs` while a stage is asked
 * for or under way, by the newest read itself — so the bars reach "done" without a reload.
 */
export function useStagePolling(runId: string, ended: boolean, requested: number | null, streamed: StageState, everyMs = 1500) {
  const query = useQuery({
    queryKey: queryKeys.runStages(runId),
    queryFn: ({ signal }) => readStages(runId, signal),
    enabled: ended && (requested !== null || stageActive(streamed)),
    refetchInterval: (q) => (stagesPending(requested, q.state.data, streamed) ? everyMs : false),
    // a failed read is tried again on the next tick, not given up on
    retry: false,
  });
  return { polled: query.data, error: query.error ? query.error.message : null };
}
