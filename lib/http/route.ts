import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { isAuthorized } from "@/lib/auth/session";
import { allowedHostnames } from "@/lib/http/allowed-hosts";
import { scrubSecrets, scrubSecretsIn } from "@/lib/secrets/scrub";
import { checkJsonContentType, checkRequest, type GuardInput } from "@/lib/http/request-guard";

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response | unknown>;

/**
 * Wraps a route handler: refuses a foreign Host or a cross-site state-changing request and
 * checks access (again, behind the proxy; the upload routes bypass it), maps AppError to its
 * status with a user-facing message, and turns anything else into a 500 without a stack.
 */
export function route<C>(handler: Handler<C>, opts: { public?: boolean } = {}) {
  return async (req: NextRequest, ctx: C): Promise<Response> => {
    try {
      const refused = checkRequest(guardInput(req), allowedHostnames());
      if (refused) throw refused;
      if (!opts.public && !(await isAuthorized(req))) throw new AppError("unauthorized:session", "Sign in to use the API.");
      const out = await handler(req, ctx);
      return out instanceof Response ? out : NextResponse.json(out ?? null);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function guardInput(req: Request): GuardInput {
  const h = req.headers;
  return { method: req.method, host: h.get("host") ?? new URL(req.url).host, origin: h.get("origin"), secFetchSite: h.get("sec-fetch-site"), forwardedHost: h.get("x-forwarded-host") };
}

export function errorResponse(e: unknown): Response {
  // an error can quote a model server's answer, which may echo its API key
  if (isAppError(e)) return NextResponse.json(scrubSecretsIn(e.toJSON()), { status: e.status });
  if (e instanceof z.ZodError) {
    return NextResponse.json({ error: { code: "invalid:input", message: formatZod(e) } }, { status: 400 });
  }
  console.error("[api] internal error:", scrubSecrets(e instanceof Error ? e.message : String(e)));
  return NextResponse.json({ error: { code: "internal", message: "Internal error; see the server log." } }, { status: 500 });
}

export function formatZod(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

/** Reads a JSON body with a size cap and validates it; clear 4xx for each way it can be wrong. */
export async function readJson<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const limit = env().MAX_BODY_BYTES;
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw new AppError("too_large:body", `Request body is larger than ${limit} bytes.`);
  const text = await readTextCapped(req, limit);
  if (text.length) {
    const wrongType = checkJsonContentType(req.headers.get("content-type"));
    if (wrongType) throw wrongType;
  }
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError("invalid:json", "Request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError("invalid:input", formatZod(parsed.error));
  return parsed.data;
}

async function readTextCapped(req: Request, limit: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("too_large:body", `Request body is larger than ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
