/** What an inbox item says happened; each has its sentence in the notifications catalogue. Browser-safe. */
export const NOTIFICATION_KINDS = [
  "followUpAssigned",
  "alertAssigned",
  "verificationRequested",
  "verificationApproved",
  "verificationRejected",
  "projectMoved",
  "projectUpdated",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What an item opens. */
export type NotificationRecordType = "follow_up" | "project";
