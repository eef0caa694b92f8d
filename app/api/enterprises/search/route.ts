import type { NextRequest } from "next/server";
import { getReadDb } from "@/lib/read-db";
import { getViewer } from "@/lib/auth/session";
import { parseEnterpriseFilters } from "@/lib/enterprises/filters";
import { identifyEnterprises, listEnterprises } from "@/lib/enterprises/queries";
import { stripControlCharacters } from "@/lib/validation";

export const dynamic = "force-dynamic";

/**
 * Search-as-you-type for pickers: the list's own search, first ten matches, names only.
 * With `name` (repeated, up to twelve) and `code` instead of `q`: the enterprises a list row names, by the
 * key of any of their names or by credit code (what a pasted list or a CSV of participants is
 * matched with), with their aliases so the match can be shown.
 */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: "unauthenticated" }, { status: 401 });
  const params = request.nextUrl.searchParams;
  const names = params
    .getAll("name")
    .slice(0, 12)
    .map((n) => stripControlCharacters(n).slice(0, 200));
  const code = stripControlCharacters(params.get("code") ?? "").replace(/\s+/g, "").toUpperCase().slice(0, 18);
  if (names.length > 0 || code) {
    const found = await identifyEnterprises(await getReadDb(), { names, creditCode: code });
    return Response.json({
      items: found.map((r) => ({ id: r.id, nameZh: r.nameZh, nameEn: r.nameEn, aliases: r.aliases, creditCode: r.creditCode, city: r.city, country: r.country })),
    });
  }
  const q = (params.get("q") ?? "").slice(0, 100);
  if (!q.trim()) return Response.json({ items: [] });
  const { rows } = await listEnterprises(await getReadDb(), viewer, { filters: parseEnterpriseFilters({ q }), limit: 10 });
  return Response.json({
    items: rows.map((r) => ({ id: r.id, nameZh: r.nameZh, nameEn: r.nameEn, city: r.city, country: r.country })),
  });
}
