import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { AuditRecordType } from "@/lib/audit-log/queries";
import type { Viewer } from "@/lib/auth/viewer";

/** For admins, on a record's page: the audit log filtered to that record. */
export async function AuditLogLink({ viewer, type, id }: { viewer: Viewer; type: AuditRecordType; id: string }) {
  if (viewer.role !== "admin") return null;
  const t = await getTranslations("auditLog");
  return (
    <Link href={`/admin/audit?${new URLSearchParams({ type, record: id })}`} className={buttonClass("ghost")}>
      {t("title")}
    </Link>
  );
}
