import "server-only";
import { db } from "@/lib/db/client";

/**
 * Sessions ended by signing out. A session cookie is a signed id and expiry; signing out
 * records the id here until the expiry, so the cookie stops working even where a copy of it
 * survives (another tab, a stolen cookie). Expired rows are dropped as new ones come in.
 */
export async function isSessionRevoked(id: string): Promise<boolean> {
  return (await db().revokedSession.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export async function revokeSession(id: string, expiresAt: Date): Promise<void> {
  const d = db();
  await d.revokedSession.upsert({ where: { id }, create: { id, expiresAt }, update: {} });
  await d.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
