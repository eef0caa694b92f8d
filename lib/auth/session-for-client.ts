import type { Role } from "@/db/enums";

/** What `/api/auth/session` answers: enough to say who is signed in and until when. */
export interface ClientSession {
  expires: string;
  user: { id: string; name: string; email: string; role: Role };
}

interface SessionRow {
  expires: Date | string;
}

interface UserRow {
  id: string;
  name?: string | null;
  email: string;
  role?: Role;
}

/**
 * Shapes the session next-auth hands to any script on the page. With database sessions
 * next-auth passes the adapter's session row (its token is the HttpOnly cookie's value) and the
 * whole users row (the calendar-feed token among its columns): pick the fields, never spread.
 */
export function sessionForClient(session: SessionRow, user: UserRow): ClientSession {
  const expires = session.expires instanceof Date ? session.expires.toISOString() : session.expires;
  return { expires, user: { id: user.id, name: user.name ?? user.email, email: user.email, role: user.role ?? "viewer" } };
}
