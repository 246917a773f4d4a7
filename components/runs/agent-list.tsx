"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { languageName } from "@/lib/domain/language-names";

interface AgentRow { id: string; runtimeId: string; language: string; memory: number; reflections: number }

/** The run's agents, refetched when the live counts say their number changed. */
export function AgentList({ runId, count, tick }: { runId: string; count: number; tick: number }) {
  const [agents, setAgents] = useState<AgentRow[] | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/runs/${encodeURIComponent(runId)}/agents`)
      .then((r) => r.json())
      .then((j) => live && setAgents(j.agents ?? []))
      .catch(() => {});
    return () => { live = false; };
  }, [runId, count, tick]);
  if (!agents?.length) return <p className="muted">No agents yet: they are founded by the accepted seed samples once the seed stage ends.</p>;
  return (
    <table data-testid="agents">
      <thead><tr><th>Agent</th><th>Language</th><th>Memory</th><th>Reflections</th></tr></thead>
      <tbody>
        {agents.map((a) => (
          <tr key={a.id}>
            <td><Link href={`/runs/${runId}/agents/${encodeURIComponent(a.runtimeId)}`}>{a.runtimeId}</Link></td>
            <td>{languageName(a.language)}</td>
            <td>{a.memory}</td>
            <td>{a.reflections}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
