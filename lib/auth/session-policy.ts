import type { Env } from "@/lib/env";

// Pure settings shared by the next-auth configuration, the viewer lookup and the proxy
// (which must not import the database), so all three agree on names and lifetimes.

const SESSION_COOKIE = "authjs.session-token";

/** Both names the session cookie may have: `__Secure-` is used over https. */
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`] as const;

export interface SessionCookie {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean };
}

/**
 * The session cookie: never readable by scripts, not sent on cross-site sub-requests (Lax still
 * lets the identity provider's redirect back carry it), and Secure with the `__Secure-` prefix
 * when the app is served over https.
 */
export function sessionCookie(https: boolean): SessionCookie {
  return {
    name: https ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: https },
  };
}

export interface SessionPolicy {
  /** A session unused this long has ended (sliding: every request moves the end). */
  idleSeconds: number;
  /** A session this old has ended, however active. */
  absoluteSeconds: number;
  /** The stored end is moved forward at most this often, to spare a write per request. */
  updateAgeSeconds: number;
}

export function sessionPolicy(e: Pick<Env, "SESSION_IDLE_MINUTES" | "SESSION_MAX_HOURS">): SessionPolicy {
  const idleSeconds = e.SESSION_IDLE_MINUTES * 60;
  return {
    idleSeconds,
    absoluteSeconds: e.SESSION_MAX_HOURS * 60 * 60,
    updateAgeSeconds: Math.min(15 * 60, Math.floor(idleSeconds / 4)),
  };
}
