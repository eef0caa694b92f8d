import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { listPeople } from "@/lib/reference/queries";

// The people a list can be filtered by owner, fetched once when a filter panel first opens
// instead of sent as options with every page. Names only: what the select shows.
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const people = await listPeople(await getDb());
  return NextResponse.json(
    people.map((p) => ({ id: p.id, name: p.name ?? p.email })),
    { headers: { "cache-control": "private, max-age=300" } },
  );
}
