import { NextResponse } from "next/server";
import { getDb } from "@/db";
import { readAttachment } from "@/lib/attachments/records";
import { auditAccess } from "@/lib/audit";
import { getViewer } from "@/lib/auth/session";
import { EVIDENCE_TYPES, type EvidenceType } from "@/lib/evidence/limits";
import { uuidParam } from "@/lib/validation";

const isType = (type: string): type is EvidenceType => Object.hasOwn(EVIDENCE_TYPES, type);

/**
 * A file on a record, to those who may see the record; anyone else gets the same 404 as for a
 * file that does not exist. Photos show in the page (?inline=1); everything else downloads. The
 * name is the checked type's (attachment.pdf), never the uploaded one.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  if (!uuidParam.safeParse(id).success) return new NextResponse(null, { status: 404 });
  const db = await getDb();
  const file = await readAttachment(db, viewer, id);
  if (!file || !isType(file.contentType)) return new NextResponse(null, { status: 404 });
  const inline = new URL(request.url).searchParams.get("inline") === "1" && file.contentType.startsWith("image/");
  if (!inline) await auditAccess(db, viewer.id, "attachment.download", "attachment", id);
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="attachment.${EVIDENCE_TYPES[file.contentType]}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    },
  });
}
