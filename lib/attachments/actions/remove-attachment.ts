"use server";

import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { attachments } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { ConflictError } from "@/lib/errors";
import { ATTACHMENT_FIELDS, lockAttachmentForRemoval } from "../records";
import { removeAttachmentInput } from "../schema";

const PAGES: Record<string, string> = { enterprise: "/enterprises", visit: "/visits", project: "/projects" };

/** Takes a file off its record (kept for the audit trail), by someone who may edit the record, over the version they saw. */
export const removeAttachment = action({
  name: "attachment.remove",
  input: removeAttachmentInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockAttachmentForRemoval(tx, viewer, input.id),
  async run({ viewer, input, tx, record }) {
    if (record.version !== input.version) throw new ConflictError({ id: record.id, version: record.version });
    const [row] = await tx
      .update(attachments)
      .set({ deletedAt: new Date(), updatedAt: new Date(), updatedBy: viewer.id, version: sql`${attachments.version} + 1` })
      .where(and(eq(attachments.id, record.id), eq(attachments.version, input.version)))
      .returning(ATTACHMENT_FIELDS);
    return { data: { id: row!.id, recordType: row!.recordType, recordId: row!.recordId }, audit: [{ entityType: "attachment", entityId: row!.id, before: record, after: row }] };
  },
  after({ recordType, recordId }) {
    revalidatePath(`${PAGES[recordType]}/${recordId}`);
  },
});
