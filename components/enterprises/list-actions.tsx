import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { canCreate } from "@/lib/access";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * "Export CSV" and "Export Excel" (everyone: they export what the list shows) and "Import" (those who may create)
 * for the enterprise list header. `query` is the list's search string; the page cursor is
 * dropped because an export always starts at the first row.
 */
export function EnterpriseListActions({ viewer, query }: { viewer: Viewer; query: string }) {
  const t = useTranslations();
  const params = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  params.delete("after");
  const search = params.toString();
  return (
    <>
      <a href={`/api/enterprises/export${search ? `?${search}` : ""}`} download title={t("export.hint")} className={buttonClass("secondary")}>
        {t("export.link")}
      </a>
      <a href={`/api/enterprises/export?${new URLSearchParams([...params, ["format", "xlsx"]]).toString()}`} download title={t("export.hintXlsx")} className={buttonClass("secondary")}>
        {t("export.linkXlsx")}
      </a>
      {canCreate(viewer) ? (
        <Link href="/enterprises/import" className={buttonClass("secondary")}>
          {t("import.link")}
        </Link>
      ) : null}
    </>
  );
}
