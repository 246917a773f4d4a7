import { NextResponse } from "next/server";
import { z } from "zod";
import { route, readJson } from "@/lib/http/route";
import { AppError } from "@/lib/errors";
import { checkPassword, createSessionToken, SESSION_COOKIE, sessionMaxAgeSeconds } from "@/lib/auth/session";

export const POST = route(async (req) => {
  const { password } = await readJson(req, z.object({ password: z.string().min(1).max(500) }));
  if (!checkPassword(password)) throw new AppError("unauthorized:password", "Wrong password.");
  const res = NextResponse.json({ ok: true });
  res.cookies.set(SESSION_COOKIE, createSessionToken(), { httpOnly: true, sameSite: "lax", path: "/", maxAge: sessionMaxAgeSeconds, secure: req.nextUrl.protocol === "https:" });
  return res;
}, { public: true });
