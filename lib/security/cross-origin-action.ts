/**
 * Server actions refuse a request sent from another site. Next.js makes the same check (Origin
 * against X-Forwarded-Host, else Host) but answers a refused action with HTTP 500, and an Origin
 * it cannot parse throws; the proxy answers 403 before Next reaches the action.
 */

/** A POST Next.js would hand to a server action: the Next-Action header, or a form body. */
export function isServerActionPost(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  if (headers.has("next-action")) return true;
  const type = (headers.get("content-type") ?? "").toLowerCase();
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/** The host the request was sent to, read as Next.js reads it: X-Forwarded-Host's first value, else Host. */
export function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/**
 * True when the page that sent the request (Origin, else Referer) is on another host than the
 * one it was sent to. An opaque ("null") or unreadable source counts as another host. A request
 * with neither header is let through, as Next.js does: browsers send Origin with every POST,
 * so only a hand-made request lacks both, and it carries no credentials its sender does not hold.
 */
export function isCrossOrigin(headers: Headers): boolean {
  const source = headers.get("origin") ?? headers.get("referer");
  if (source === null) return false;
  const host = requestHost(headers);
  if (!host) return true;
  try {
    return new URL(source).host !== host.toLowerCase();
  } catch {
    return true;
  }
}

/** What the proxy answers: plain, uncached, nothing written. */
export function crossOriginResponse(): Response {
  return new Response("Forbidden: this request came from another site.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
