import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { attachments, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getEnterpriseDetail } from "@/lib/enterprises/detail-queries";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getProject } from "@/lib/projects/queries";
import { getVisit } from "@/lib/visits/queries";
import type { AttachmentRecordType } from "./kinds";

/** Each kind's read that decides who may see and change a record: its own page's. */
const READERS: Record<AttachmentRecordType, (db: Db, viewer: Viewer, id: string) => Promise<{ canEdit: boolean } | null>> = {
  enterprise: getEnterpriseDetail,
  visit: getVisit,
  project: getProject,
};

/** Whether the viewer may see the record, and change it: null when they may not see it (or it does not exist). */
export async function recordAccess(db: Db | Tx, viewer: Viewer, type: AttachmentRecordType, id: string) {
  const found = await READERS[type](db as Db, viewer, id);
  return found ? { canEdit: found.canEdit } : null;
}

/** For an action: the record files are added to or removed from, which the caller must be able to edit. */
export async function requireEditableRecord(tx: Tx, viewer: Viewer, type: AttachmentRecordType, id: string) {
  const access = await recordAccess(tx, viewer, type, id);
  if (!access) throw new NotFoundError();
  if (!access.canEdit) throw new ForbiddenError();
  return { type, id };
}

/** An attachment's columns but its bytes: what the audit log and the actions see. */
export const ATTACHMENT_FIELDS = {
  id: attachments.id,
  recordType: attachments.recordType,
  recordId: attachments.recordId,
  name: attachments.name,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  version: attachments.version,
  createdAt: attachments.createdAt,
  createdBy: attachments.createdBy,
  updatedAt: attachments.updatedAt,
  updatedBy: attachments.updatedBy,
  deletedAt: attachments.deletedAt,
};

/** A live attachment with its record, locked, for removal by someone who may edit the record. */
export async function lockAttachmentForRemoval(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await tx
    .select(ATTACHMENT_FIELDS)
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)))
    .for("update");
  if (!row) throw new NotFoundError();
  await requireEditableRecord(tx, viewer, row.recordType as AttachmentRecordType, row.recordId);
  return row;
}

/** A record's files, newest first; the caller has already shown that the viewer may see the record. */
export async function listAttachments(db: Db, type: AttachmentRecordType, id: string) {
  return db
    .select({ id: attachments.id, version: attachments.version, name: attachments.name, contentType: attachments.contentType, size: attachments.size, createdAt: attachments.createdAt, byName: users.name })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.createdBy))
    .where(and(eq(attachments.recordType, type), eq(attachments.recordId, id), isNull(attachments.deletedAt)))
    .orderBy(desc(attachments.createdAt))
    .limit(100);
}
export type AttachmentItem = Awaited<ReturnType<typeof listAttachments>>[number];

/** A file's bytes for someone who may see its record; null otherwise, as for a file that does not exist. */
export async function readAttachment(db: Db, viewer: Viewer, id: string) {
  const [meta] = await db
    .select({ recordType: attachments.recordType, recordId: attachments.recordId, contentType: attachments.contentType, name: attachments.name })
    .from(attachments)
    .where(and(eq(attachments.id, id), isNull(attachments.deletedAt)));
  if (!meta || !(await recordAccess(db, viewer, meta.recordType as AttachmentRecordType, meta.recordId))) return null;
  const [file] = await db.select({ content: attachments.content }).from(attachments).where(eq(attachments.id, id));
  return file ? { ...meta, bytes: file.content } : null;
}
