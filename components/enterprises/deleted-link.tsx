import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";

/** The way from the enterprise list to the Deleted view, for those who may restore. */
export function DeletedEnterprisesLink({ viewer }: { viewer: Viewer }) {
  const t = useTranslations("deleted");
  if (!atLeast(viewer.role, "manager")) return null;
  return (
    <Link href="/enterprises/deleted" className={buttonClass("ghost")}>
      {t("link")}
    </Link>
  );
}
