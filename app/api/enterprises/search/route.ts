import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { parseEnterpriseFilters } from "@/lib/enterprises/filters";
import { listEnterprises } from "@/lib/enterprises/queries";

export const dynamic = "force-dynamic";

/** Search-as-you-type for pickers: the list's own search, first ten matches, names only. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const q = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  if (!q.trim()) return Response.json({ items: [] });
  const { rows } = await listEnterprises(await getDb(), viewer, { filters: parseEnterpriseFilters({ q }), limit: 10 });
  return Response.json({
    items: rows.map((r) => ({ id: r.id, nameZh: r.nameZh, nameEn: r.nameEn, city: r.city, country: r.country })),
  });
}
