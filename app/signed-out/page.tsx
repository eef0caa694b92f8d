import { getTranslations } from "next-intl/server";
import { NoticePage } from "@/components/shell/notice-page";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signedOutTitle") };
}

export default async function SignedOutPage() {
  const t = await getTranslations("auth");
  return (
    <NoticePage title={t("signedOutTitle")}>
      <p className="text-slate-600">{t("signedOutBody")}</p>
      {/* A plain link: /signin is a route handler that starts the OIDC redirect. */}
      <a href="/signin" className={buttonClass("primary", "w-full")}>
        {t("signInAgain")}
      </a>
    </NoticePage>
  );
}
