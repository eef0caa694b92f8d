import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { getMergePreview } from "@/lib/enterprises/merge/queries";
import { uuidParam } from "@/lib/validation";
import { mergingViewer, refuse } from "../respond";

export const dynamic = "force-dynamic";

/**
 * Both records side by side before a merge is confirmed: `?survivor=<id>&merged=<id>`. A record
 * that is missing and one the caller may not merge answer the same 404. A read, so no audit row.
 */
export async function GET(request: NextRequest) {
  const caller = await mergingViewer();
  if ("refusal" in caller) return caller.refusal;
  const params = request.nextUrl.searchParams;
  const survivor = uuidParam.safeParse(params.get("survivor"));
  const merged = uuidParam.safeParse(params.get("merged"));
  if (!survivor.success || !merged.success) return refuse("notFound");
  const preview = await getMergePreview(await getDb(), caller.viewer, { survivorId: survivor.data, mergedId: merged.data });
  if (!preview) return refuse("notFound");
  return Response.json(preview);
}
