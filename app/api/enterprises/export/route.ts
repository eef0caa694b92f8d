import type { NextRequest } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { getReadDb } from "@/lib/read-db";
import { getViewer } from "@/lib/auth/session";
import { enterpriseCsvStream, localTime } from "./enterprise-csv";

export const dynamic = "force-dynamic";

/** The enterprise list, with the filters of its query string, as a CSV download for Excel. */
export async function GET(request: NextRequest) {
  const viewer = await getViewer();
  const t = (await getTranslations()) as unknown as (key: string) => string;
  if (!viewer) return new Response(t("errors.unauthenticated"), { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const [db, locale] = await Promise.all([getReadDb(), getLocale()]);
  const day = localTime(new Date()).slice(0, 10);
  const body = enterpriseCsvStream({ db, viewer, searchParams: request.nextUrl.searchParams, t, locale });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="enterprises-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
