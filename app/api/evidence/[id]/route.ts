import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { auditAccess } from "@/lib/audit";
import { getViewer } from "@/lib/auth/session";
import { EVIDENCE_TYPES, type EvidenceType } from "@/lib/evidence/limits";
import { getEvidence } from "@/lib/projects/evidence-queries";
import { uuidParam } from "@/lib/validation";

const isEvidenceType = (type: string): type is EvidenceType => Object.hasOwn(EVIDENCE_TYPES, type);

// Evidence is served only to people who may see its project; anyone else gets the same 404.
// The download is named after its checked type (evidence.pdf), never after the uploaded name.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  if (!uuidParam.safeParse(id).success) return new NextResponse(null, { status: 404 });
  const db = await getDb();
  const row = await getEvidence(db, viewer, id);
  if (!row || !isEvidenceType(row.type)) return new NextResponse(null, { status: 404 });
  await auditAccess(db, viewer.id, "evidence.download", "stage_change", id);
  return new NextResponse(new Uint8Array(row.bytes), {
    headers: {
      "content-type": row.type,
      "content-length": String(row.bytes.byteLength),
      "content-disposition": `attachment; filename="evidence.${EVIDENCE_TYPES[row.type]}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
