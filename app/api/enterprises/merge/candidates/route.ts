import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { findMergeCandidates } from "@/lib/enterprises/merge/queries";
import { uuidParam } from "@/lib/validation";
import { mergingViewer, refuse } from "../respond";

export const dynamic = "force-dynamic";

/** Search-as-you-type for the merge dialog: `?merged=<id>&q=<name or code>`. A read, so no audit row. */
export async function GET(request: NextRequest) {
  const caller = await mergingViewer();
  if ("refusal" in caller) return caller.refusal;
  const params = request.nextUrl.searchParams;
  const merged = uuidParam.safeParse(params.get("merged"));
  if (!merged.success) return refuse("notFound");
  const query = (params.get("q") ?? "").slice(0, 200);
  const items = await findMergeCandidates(await getDb(), caller.viewer, { query, excludeId: merged.data });
  return Response.json({ items });
}
