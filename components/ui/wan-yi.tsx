import { useLocale, useTranslations } from "next-intl";
import { groupDigits, toWanYi } from "@/lib/money";

/**
 * A CNY amount in the customary 万元/亿元, rounded to two decimals for display only; the exact
 * yuan amount is in the tooltip. Works in server and client components alike.
 */
export function WanYi({ yuan, className }: { yuan: string | null; className?: string }) {
  const t = useTranslations("projects.money");
  const locale = useLocale();
  if (yuan === null) return <span className={className}>{t("unknown")}</span>;
  const { value, unit } = toWanYi(yuan);
  return (
    <span className={`tabular-nums ${className ?? ""}`} title={t("exact", { value: groupDigits(yuan, locale) })}>
      {t(unit, { value: groupDigits(value, locale) })}
    </span>
  );
}

/** An amount in its own currency, exact, with grouping. */
export function OriginalAmount({ amount, currency }: { amount: string; currency: string }) {
  const locale = useLocale();
  return <span className="tabular-nums">{`${currency} ${groupDigits(amount, locale)}`}</span>;
}
