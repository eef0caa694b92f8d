import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoticePage } from "@/components/shell/notice-page";
import { buttonClass } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <NoticePage title={t("errors.notFoundTitle")}>
      <p className="text-slate-600">{t("errors.notFoundBody")}</p>
      <Link href="/enterprises" className={buttonClass("secondary", "w-full")}>
        {t("common.home")}
      </Link>
    </NoticePage>
  );
}
