import { type NextRequest, NextResponse } from "next/server";
import { SESSION_COOKIE_NAMES, sessionCookie, sessionPolicy } from "@/lib/auth/session-policy";
import { env, oidcSettings, servedOverHttps } from "@/lib/env";
import { clientAddress, consume, tooManyRequests } from "@/lib/rate-limit";
import { crossOriginResponse, isCrossOrigin, isServerActionPost } from "@/lib/security/cross-origin-action";
import { contentSecurityPolicy, makeNonce, originOf, strictTransportSecurity } from "@/lib/security/headers";
import { badPathResponse, hasUndecodablePath } from "@/lib/security/undecodable-path";

/** Pages anyone may open without a session. */
const PUBLIC_PAGES = /^\/(signin|signed-out|denied)(\/|$)/;

/** Every way into the sign-in flow: our /signin and next-auth's sign-in and callback routes. */
const SIGN_IN_ROUTES = /^\/(signin(\/|$)|api\/auth\/(signin|callback)(\/|$))/;

/**
 * Runs before every request but static files:
 * - refuses a server action posted from another site with 403 (Next.js would answer 500);
 * - spends the sign-in budget of the client's address on the sign-in routes (429 when spent);
 * - gives pages a Content-Security-Policy with a fresh nonce, on the request (Next reads it there
 *   to put the nonce on its scripts) and on the response;
 * - sends people without a session cookie to sign in. That redirect is a convenience and
 *   proves nothing: pages, actions and queries check the session and the caller's rights;
 * - keeps the session cookie alive while the session is used: the database row decides
 *   when a session ends (idle and absolute time-outs), the cookie only has to outlive it.
 */
export async function proxy(request: NextRequest) {
  const e = env();
  const https = servedOverHttps(e);
  const { pathname } = request.nextUrl;
  if (hasUndecodablePath(pathname)) return withTransportSecurity(badPathResponse(), e.NODE_ENV, https);
  // Route handlers run no server actions, and the identity provider may post its answer to the
  // sign-in callback from its own origin.
  if (!pathname.startsWith("/api/") && isServerActionPost(request.method, request.headers) && isCrossOrigin(request.headers)) {
    return withTransportSecurity(crossOriginResponse(), e.NODE_ENV, https);
  }

  if (SIGN_IN_ROUTES.test(pathname)) {
    const outcome = await consume("signin", clientAddress(request.headers, e.TRUSTED_PROXY_HOPS), e);
    if (!outcome.allowed) return withTransportSecurity(tooManyRequests(outcome.retryAfterSeconds), e.NODE_ENV, https);
  }
  if (pathname.startsWith("/api/")) return withTransportSecurity(NextResponse.next(), e.NODE_ENV, https);

  const nonce = makeNonce();
  const csp = contentSecurityPolicy({
    nonce,
    dev: e.NODE_ENV === "development",
    formActionOrigins: [originOf(oidcSettings(e).issuer)],
    https,
  });

  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (!hasSession && !PUBLIC_PAGES.test(pathname)) {
    const url = request.nextUrl.clone();
    const back = pathname + request.nextUrl.search;
    url.pathname = "/signin";
    url.search = back === "/" ? "" : `?callbackUrl=${encodeURIComponent(back)}`;
    response = NextResponse.redirect(url);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    const cookie = sessionCookie(https);
    const token = request.cookies.get(cookie.name)?.value;
    // Not on POSTs: a server action may be signing out and clearing this very cookie.
    if (token && request.method === "GET") {
      response.cookies.set(cookie.name, token, { ...cookie.options, maxAge: sessionPolicy(e).absoluteSeconds });
    }
  }
  response.headers.set("content-security-policy", csp);
  return withTransportSecurity(response, e.NODE_ENV, https);
}

function withTransportSecurity<R extends Response>(response: R, nodeEnv: string, https: boolean): R {
  const hsts = strictTransportSecurity({ production: nodeEnv === "production", https });
  if (hsts) response.headers.set(hsts.key, hsts.value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
