import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, isNull, sql } from "drizzle-orm";
import NextAuth, { type NextAuthConfig } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import { getDb } from "@/db";
import { accounts, type Role, sessions, users, verificationTokens } from "@/db/schema";
import { env, oidcSettings, servedOverHttps } from "@/lib/env";
import { emailDomainAllowed, parseRoleMap, roleFromClaims } from "./roles";
import { sessionForClient } from "./session-for-client";
import { sessionCookie, sessionPolicy } from "./session-policy";
import { announceReferenceChange, referenceChanged } from "@/lib/reference/cache";
import { auditAccess } from "@/lib/audit";

const PROVIDER_ID = "oidc";

interface OrgProfile {
  sub: string;
  email?: string;
  name?: string;
  [claim: string]: unknown;
}

// next-auth builds its configuration per request, so the database and environment are
// only touched when a request arrives, never during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const e = env();
  const oidc = oidcSettings(e);
  const db = await getDb();
  const roleMap = parseRoleMap(e.OIDC_ROLE_MAP);
  const prompt = e.OIDC_PROMPT ?? (oidc.local ? "login" : undefined);
  const https = servedOverHttps(e);
  const policy = sessionPolicy(e);

  const config: NextAuthConfig = {
    secret: e.AUTH_SECRET,
    trustHost: true,
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
      // Our tables carry extra columns (role, team, locale) and uuid ids; the adapter's
      // generic cannot express that, but reads and writes only the columns it knows.
    } as never),
    // Database sessions: sign-out and deactivation delete the row and end access at once.
    // maxAge is the idle time-out; the absolute one is enforced by lib/auth/session-lookup.ts.
    session: { strategy: "database", maxAge: policy.idleSeconds, updateAge: policy.updateAgeSeconds },
    // Over https every auth cookie is Secure and prefixed; the session cookie is spelled out so
    // the viewer lookup and the proxy read the same name.
    useSecureCookies: https,
    cookies: { sessionToken: sessionCookie(https) },
    pages: { signIn: "/signin", error: "/denied", signOut: "/signed-out" },
    // next-auth's default logger prints an error's cause, which for a failed database call holds
    // the query's parameters: session tokens among them. Log the kind of failure only.
    logger: {
      error(error) {
        console.error(`[auth] ${error.name}: ${error.message.split("\n")[0]}`);
      },
      warn(code) {
        console.warn(`[auth] warning ${code}`);
      },
      debug() {},
    },
    providers: [
      {
        id: PROVIDER_ID,
        name: e.OIDC_NAME,
        type: "oidc",
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        authorization: { params: { scope: e.OIDC_SCOPE, ...(prompt ? { prompt } : {}) } },
        // People are provisioned by e-mail (by admins or the seed) before their first sign-in,
        // and the only issuer is the organisation's own, which vouches for the address.
        allowDangerousEmailAccountLinking: true,
        profile(profile: OrgProfile) {
          const email = (profile.email ?? "").toLowerCase();
          return { id: profile.sub, name: profile.name ?? email, email, image: null };
        },
      },
    ],
    callbacks: {
      async signIn({ profile }) {
        const email = typeof profile?.email === "string" ? profile.email.toLowerCase() : "";
        if (!email || !emailDomainAllowed(email, e.OIDC_ALLOWED_DOMAINS)) return "/denied?error=domain";
        const [existing] = await db
          .select({ deactivatedAt: users.deactivatedAt })
          .from(users)
          .where(eq(sql`lower(${users.email})`, email));
        if (existing?.deactivatedAt) return "/denied?error=deactivated";
        return true;
      },
      // Answered to any script on the page by /api/auth/session: the fields it needs, never
      // the session row (its token) or the users row (the calendar-feed token).
      session({ session, user }) {
        return sessionForClient(session, user as AdapterUser & { role?: Role });
      },
    },
    events: {
      // Runs after the user row exists: keep name and role in step with the organisation's directory.
      async signIn({ user, profile }) {
        if (!user.id || !profile) return;
        const role = roleFromClaims({
          email: user.email ?? "",
          groups: (profile as OrgProfile)[e.OIDC_GROUPS_CLAIM],
          roleMap,
          adminEmails: e.OIDC_ADMIN_EMAILS,
        });
        await db
          .update(users)
          .set({
            lastSignInAt: new Date(),
            ...(typeof profile.name === "string" ? { name: profile.name } : {}),
            ...(role ? { role } : {}),
          })
          .where(and(eq(users.id, user.id), isNull(users.deactivatedAt)));
        await auditAccess(db, user.id, "auth.sign_in", "user", user.id);
        // A first sign-in adds a person to the owner lists; a later one may change a name.
        referenceChanged();
        await announceReferenceChange(db);
      },
      async signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        if (userId) await auditAccess(db, userId, "auth.sign_out", "user", userId);
      },
    },
  };
  return config;
});
