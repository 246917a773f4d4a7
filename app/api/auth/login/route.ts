import { NextResponse } from "next/server";
import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { signIn } from "@/lib/auth/sign-in";
import { SESSION_COOKIE, sessionMaxAgeSeconds } from "@/lib/auth/session";

export const POST = route(async (req) => {
  const { password } = await readJson(req, z.object({ password: z.string().min(1).max(500) }));
  const token = signIn(req.headers, password);
  const res = NextResponse.json({ ok: true });
  res.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: "lax", path: "/", maxAge: sessionMaxAgeSeconds, secure: req.nextUrl.protocol === "https:" });
  return res;
}, { public: true });
