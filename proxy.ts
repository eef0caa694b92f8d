import { type NextRequest, NextResponse } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

// A convenience redirect for people without a session cookie. It proves nothing:
// pages, actions and queries check the session and the caller's rights themselves.
export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  const back = request.nextUrl.pathname + request.nextUrl.search;
  url.pathname = "/signin";
  url.search = back === "/" ? "" : `?callbackUrl=${encodeURIComponent(back)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|_next/|signin|signed-out|denied|favicon.ico|robots.txt).*)"],
};
