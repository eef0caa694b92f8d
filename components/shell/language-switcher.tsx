"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { LOCALES } from "@/db/enums";
import { setLocale } from "@/lib/auth/actions/set-locale";

export function LanguageSwitcher() {
  // Root keys: user, languages
  const t = useTranslations();
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <fieldset className="space-y-1" disabled={pending}>
      <legend className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("user.language")}</legend>
      <div className="flex gap-2">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-pressed={current === locale}
            onClick={() =>
              startTransition(async () => {
                const result = await setLocale({ locale });
                if (!result.ok) {
                  toast.error(result.message);
                  return;
                }
                router.refresh();
              })
            }
            className="min-h-11 rounded-md border border-slate-300 px-3 py-1.5 text-sm sm:min-h-0 aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:font-semibold aria-pressed:text-brand-700"
          >
            {t(`languages.${locale}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
