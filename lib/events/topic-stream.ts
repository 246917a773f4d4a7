import "server-only";
import type { NextRequest } from "next/server";
import type { Db } from "@/lib/db/client";
import { eventHub } from "@/lib/events/hub";
import { createEventStream, parseLastEventId } from "@/lib/events/sse";
import { END_EVENT } from "@/lib/events/store";

/** The SSE response for a topic; 204 (which tells EventSource to stop reconnecting) when the client already has the end. */
export async function topicEventResponse(req: NextRequest, db: Db, topic: string): Promise<Response> {
  const lastEventId = parseLastEventId(req.headers.get("last-event-id"), req.nextUrl.searchParams.get("lastEventId"));
  const end = await db.event.findFirst({ where: { topic, type: END_EVENT }, select: { seq: true } });
  if (end && lastEventId >= end.seq) return new Response(null, { status: 204 });
  const stream = createEventStream({ db, hub: eventHub(db), topic, lastEventId, signal: req.signal });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
