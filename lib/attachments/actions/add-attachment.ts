"use server";

import { createHash } from "node:crypto";
import { revalidatePath } from "next/cache";
import { attachments } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { checkEvidence } from "@/lib/evidence/storage";
import { ATTACHMENT_FIELDS, requireEditableRecord } from "../records";
import { addAttachmentInput } from "../schema";

const PAGES = { enterprise: "/enterprises", visit: "/visits", project: "/projects" } as const;

/**
 * A file on an enterprise, a visit or a project, by someone who may edit the record: a PDF, JPEG
 * or PNG (checked by structure, at most 10 MB), as stage evidence is.
 */
export const addAttachment = action({
  name: "attachment.add",
  input: addAttachmentInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => requireEditableRecord(tx, viewer, input.recordType, input.recordId),
  async run({ viewer, input, tx, record }) {
    const file = await checkEvidence(input.file, "file");
    const [row] = await tx
      .insert(attachments)
      .values({
        recordType: record.type,
        recordId: record.id,
        name: file.name,
        contentType: file.type,
        size: file.size,
        sha256: createHash("sha256").update(file.bytes).digest("hex"),
        content: file.bytes,
        createdBy: viewer.id,
        updatedBy: viewer.id,
      })
      .returning(ATTACHMENT_FIELDS);
    return { data: { id: row!.id, recordType: record.type, recordId: record.id }, audit: [{ entityType: "attachment", entityId: row!.id, before: null, after: row }] };
  },
  after({ recordType, recordId }) {
    revalidatePath(`${PAGES[recordType]}/${recordId}`);
  },
});
