/**
 * True when a percent-escape in the path does not decode (a stray "%", a cut-off UTF-8
 * sequence). Next.js answers such a path in a dynamic segment with a 500 in production
 * (vercel/next.js#92527); the proxy answers 400 first.
 */
export function hasUndecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** What the proxy answers for such a path: plain, uncached, the same for every route. */
export function badPathResponse(): Response {
  return new Response("Bad request: the address is not correctly encoded.", {
    status: 400,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
