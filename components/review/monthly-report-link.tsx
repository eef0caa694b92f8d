import Link from "next/link";
import { useTranslations } from "next-intl";
import { shanghaiDay } from "@/lib/time";

/** From the review to the monthly report: this month in the current year, else the year's December; the same team. */
export function MonthlyReportLink({ year, team }: { year: number; team: string | null }) {
  const t = useTranslations("monthlyReport");
  const today = shanghaiDay();
  const month = today.startsWith(`${year}-`) ? today.slice(0, 7) : `${year}-12`;
  const query = new URLSearchParams({ month, ...(team ? { team } : {}) }).toString();
  return (
    <p className="text-sm">
      <Link href={`/review/monthly?${query}`} title={t("linkHint")} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline-offset-2 hover:underline sm:min-h-0">
        {t("link")} →
      </Link>
    </p>
  );
}
