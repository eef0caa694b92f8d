import { getTranslations } from "next-intl/server";
import { NoticePage } from "@/components/shell/notice-page";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("deniedTitle") };
}

const REASONS = ["domain", "deactivated"] as const;

export default async function DeniedPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const [{ error }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  const reason = REASONS.find((r) => r === error) ?? "default";
  return (
    <NoticePage title={t("deniedTitle")}>
      <p className="text-slate-700" data-testid="denied-reason">
        {t(`denied.${reason}`)}
      </p>
      <a href="/signin" className={buttonClass("secondary", "w-full")}>
        {t("tryAnother")}
      </a>
    </NoticePage>
  );
}
