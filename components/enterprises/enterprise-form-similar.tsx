"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { Ref } from "react";
import { buttonClass } from "@/components/ui/button";
import type { DuplicateCandidate } from "@/lib/enterprises/duplicates";
import { primaryName } from "@/lib/i18n/display";

/**
 * The likely duplicates of the name being saved, each a link to the existing record, and a
 * submit button that saves anyway (it sends confirmSimilar=1 with the form).
 */
export function SimilarNamesPanel({ candidates, pending, ref }: { candidates: DuplicateCandidate[]; pending: boolean; ref?: Ref<HTMLDivElement> }) {
  const t = useTranslations("enterpriseForm.similar");
  const locale = useLocale();
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="similar-title" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 outline-none focus:ring-2 focus:ring-amber-500">
      <h2 id="similar-title" className="font-semibold">
        {t("title")}
      </h2>
      <p>{t("body")}</p>
      <ul className="list-disc space-y-1 pl-5">
        {candidates.map((c) => {
          const name = primaryName(c, locale);
          return (
            <li key={c.id}>
              <Link href={`/enterprises/${c.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {name.first}
              </Link>
              {name.second ? <span className="text-amber-900"> · {name.second}</span> : null}
              {c.aliases.length ? <span className="text-amber-900"> · {t("alsoKnownAs", { names: c.aliases.join(locale === "en" ? ", " : "、") })}</span> : null}
              {c.creditCode ? <span className="ml-1 font-mono text-xs text-amber-900">{c.creditCode}</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="text-amber-900">{t("hint")}</p>
      <button type="submit" name="confirmSimilar" value="1" disabled={pending} className={buttonClass("secondary")}>
        {t("saveAnyway")}
      </button>
    </div>
  );
}
