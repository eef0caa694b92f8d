import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { readEvidence } from "@/lib/evidence/storage";
import { getEvidence } from "@/lib/projects/evidence-queries";
import { uuidParam } from "@/lib/validation";

// Evidence is served only to people who may see its project; anyone else gets the same 404.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  if (!uuidParam.safeParse(id).success) return new NextResponse(null, { status: 404 });
  const row = await getEvidence(await getDb(), viewer, id);
  const bytes = row ? await readEvidence(row.path) : null;
  if (!row || !bytes) return new NextResponse(null, { status: 404 });
  return new NextResponse(new Uint8Array(bytes), {
    headers: {
      "content-type": row.type,
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(row.name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
