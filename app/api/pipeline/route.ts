import { NextResponse } from "next/server";
import { getReadDb } from "@/lib/read-db";
import { getViewer } from "@/lib/auth/session";
import { parsePipelinePage } from "@/lib/projects/board-cursor";
import { getPipeline, getPipelineColumnPage } from "@/lib/projects/board-queries";
import { parsePipelineFilters } from "@/lib/projects/filters";

const noStore = { "cache-control": "no-store" };

/**
 * The board's client island reads through here; the queries scope everything by the caller.
 * Without `stage`: the whole board (totals and each column's first page). With `stage` (and
 * `after`, a cursor from an earlier answer): that column's next page, for "Show more".
 */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const page = parsePipelinePage(params);
  if (!page) return NextResponse.json({ error: "bad request" }, { status: 400, headers: noStore });
  const filters = parsePipelineFilters(params);
  const db = await getReadDb();
  const data = page.kind === "board" ? await getPipeline(db, viewer, filters) : await getPipelineColumnPage(db, viewer, filters, page.stage, page.after);
  return NextResponse.json(data, { headers: noStore });
}
