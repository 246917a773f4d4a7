import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getAgentSnapshot } from "@/lib/pipeline/run/agent-snapshot";
import { runtimeId } from "@/lib/pipeline/run/ids";
import { getRun, getRunAgent } from "@/lib/pipeline/run/run-queries";
import { AgentInspector } from "@/components/runs/agent-inspector";

export const dynamic = "force-dynamic";

/** The URL names the agent by its runtime id (agent-py-0); the database id is the run's id and it. */
export default async function AgentPage({ params }: { params: Promise<{ id: string; agentId: string }> }) {
  const { id, agentId: raw } = await params;
  const agentId = decodeURIComponent(raw);
  const dbId = agentId.startsWith(`${id}:`) ? agentId : `${id}:${agentId}`;
  const found = await Promise.all([getRun(db(), id), getRunAgent(db(), id, dbId), getAgentSnapshot(db(), id, runtimeId(id, dbId))]).catch((e) => {
    if (isAppError(e) && e.code.startsWith("not_found:")) notFound();
    throw e;
  });
  const [{ run }, agent, snapshot] = found;
  const operations = Array.isArray(agent.operations) ? (agent.operations as { id: string; description: string }[]) : [];
  return (
    <>
      <p><Link href={`/runs/${id}`}>← {run.name}</Link></p>
      <h1>Agent {agent.runtimeId}</h1>
      <AgentInspector runId={id} agent={{ runtimeId: agent.runtimeId, language: agent.language, profile: agent.profile, operations, capacity: run.config.agents.memory.capacity }} snapshot={snapshot} />
    </>
  );
}
