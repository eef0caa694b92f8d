import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { getPipeline } from "@/lib/projects/board-queries";
import { parsePipelineFilters } from "@/lib/projects/filters";

// The board's client island refetches through here; the query scopes everything by the caller.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const filters = parsePipelineFilters(new URL(request.url).searchParams);
  const data = await getPipeline(await getDb(), viewer, filters);
  return NextResponse.json(data, { headers: { "cache-control": "no-store" } });
}
