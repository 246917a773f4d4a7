/** A queued training job's wait in words (pure: the job page and its test share it). */
export interface QueuePositionLike {
  ahead: number;
  running: { type: string; count: number }[];
  notBefore: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function queueText(p: QueuePositionLike, now = Date.now()): string {
  const busy = p.running.reduce((n, r) => n + r.count, 0);
  const parts: string[] = [];
  if (p.notBefore && Date.parse(p.notBefore) > now) parts.push(`a retry, due in ${Math.ceil((Date.parse(p.notBefore) - now) / 1000)} s`);
  parts.push(p.ahead === 0 ? "next in the queue" : `${plural(p.ahead, "job")} ahead in the queue`);
  if (busy > 0) parts.push(`workers busy with ${p.running.map((r) => `${r.count} ${r.type}`).join(", ")}: it starts when a slot frees up`);
  else if (p.ahead === 0 && !p.notBefore) parts.push("no job is running: is a worker running? (`npm start` starts one; `npx xinstruct worker` adds one)");
  return parts.join(" · ");
}
