import { type NextRequest, NextResponse } from "next/server";
import { getLocale } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";
import { getReadDb } from "@/lib/read-db";
import { searchEverything } from "@/lib/search/find";

export const dynamic = "force-dynamic";

/** The search box's hits for ?q=, grouped by kind on the client; what the caller may see only. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return new NextResponse(null, { status: 401 });
  const q = request.nextUrl.searchParams.get("q") ?? "";
  const [db, locale] = await Promise.all([getReadDb(), getLocale()]);
  const hits = await searchEverything(db, viewer, q, locale);
  return NextResponse.json(
    { hits: hits.map(({ kind, id, title, detail, href, tag }) => ({ kind, id, title, detail, href, tag })) },
    { headers: { "cache-control": "private, no-store" } },
  );
}
