import { useLocale, useTranslations } from "next-intl";
import { displayUnit, groupDigits, inDisplayUnit } from "@/lib/money";

/**
 * A CNY amount standing alone, with its unit: 万元/亿元 in Chinese, CNY thousand/million in
 * English (the rule in lib/money.ts), rounded to two decimals for display only; the exact yuan
 * amount is in the tooltip. Works in server and client components alike.
 */
export function WanYi({ yuan, className }: { yuan: string | null; className?: string }) {
  const t = useTranslations("projects.money");
  const locale = useLocale();
  if (yuan === null) return <span className={className}>{t("unknown")}</span>;
  const unit = displayUnit([yuan], locale);
  return (
    <span className={`tabular-nums ${className ?? ""}`} title={t("exact", { value: groupDigits(yuan, locale) })}>
      {t(unit, { value: groupDigits(inDisplayUnit(yuan, unit), locale) })}
    </span>
  );
}

/** An amount in its own currency, exact, with grouping. */
export function OriginalAmount({ amount, currency }: { amount: string; currency: string }) {
  const locale = useLocale();
  return <span className="tabular-nums">{`${currency} ${groupDigits(amount, locale)}`}</span>;
}
