/** The records that carry files. Plain module: forms and the server share it. */
export const ATTACHMENT_RECORD_TYPES = ["enterprise", "visit", "project"] as const;
export type AttachmentRecordType = (typeof ATTACHMENT_RECORD_TYPES)[number];
