import { createHash } from "node:crypto";
import { createTranslator } from "use-intl/core";
import { getDb } from "@/db";
import { feedEntries } from "@/lib/calendar/entries";
import { loadFeed, viewerByFeedToken } from "@/lib/calendar/feed";
import { buildCalendar } from "@/lib/calendar/ics";
import { limits } from "@/lib/env";
import { catalogues } from "@/lib/i18n/messages";
import { clientAddress, consume, tooManyRequests } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

const YEAR = 365 * 24 * 60 * 60 * 1000;

/**
 * The personal calendar feed. Calendar apps cannot sign in, so the secret token in the address
 * is the credential; an unknown and a revoked token get the same 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = (await params).token.replace(/\.ics$/, "");
  // Budgets per feed address and per client address, spent before the database is asked, so
  // neither a leaked address polled hard nor guessing addresses can load the server.
  const e = limits();
  const byAddress = await consume("calendarAddress", clientAddress(request.headers, e.TRUSTED_PROXY_HOPS), e);
  if (!byAddress.allowed) return tooManyRequests(byAddress.retryAfterSeconds);
  const byToken = await consume("calendarToken", createHash("sha256").update(token).digest("base64url"), e);
  if (!byToken.allowed) return tooManyRequests(byToken.retryAfterSeconds);
  const db = await getDb();
  const viewer = await viewerByFeedToken(db, token);
  if (!viewer) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  const locale = viewer.locale ?? "zh-CN";
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "calendar.feed" });
  const url = new URL(request.url);
  const feed = await loadFeed(db, viewer, new Date(Date.now() - YEAR));
  const body = buildCalendar({
    name: t("name", { person: viewer.name }),
    entries: feedEntries(feed, { locale, origin: url.origin, host: url.hostname, t: (key, values) => t(key as "name", values) }),
  });
  return new Response(body, {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store", "content-disposition": 'inline; filename="landfall.ics"' },
  });
}
