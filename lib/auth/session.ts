import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { env, servedOverHttps } from "@/lib/env";
import { viewerForSession } from "./session-lookup";
import { sessionCookie, sessionPolicy } from "./session-policy";
import type { Viewer } from "./viewer";

/**
 * The caller of this request, or null. Reads the session and the user row on every request, so
 * a time-out, a sign-out, a role change or a deactivation takes effect at once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Cookies first: it marks the render dynamic, so prerendering (e.g. /_not-found at build
  // time, without the runtime configuration) never reaches env().
  const jar = await cookies();
  const e = env();
  const token = jar.get(sessionCookie(servedOverHttps(e)).name)?.value;
  return viewerForSession(await getDb(), token, sessionPolicy(e));
});

/** For pages: the caller, or a redirect to sign-in. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}
