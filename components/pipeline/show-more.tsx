"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import type { Stage } from "@/db/enums";

interface Props {
  stage: Stage;
  shown: number;
  count: number;
  loading: boolean;
  onShowMore: () => void;
}

/**
 * The end of a column (or of a stage's rows in the list) while it has more cards: how many are
 * shown, and a button that loads the next page. The button stays focusable while it loads
 * (aria-disabled rather than disabled), so a keyboard user can press it again for the page after.
 */
export function ShowMore({ stage, shown, count, loading, onShowMore }: Props) {
  const t = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const id = `shown-${stage}`;
  return (
    <div className="space-y-1">
      <p id={id} className="text-center text-xs text-slate-500">
        {t("shownOf", { shown, count: Math.max(count, shown) })}
      </p>
      <button
        type="button"
        aria-describedby={id}
        aria-disabled={loading || undefined}
        aria-busy={loading || undefined}
        onClick={() => {
          if (!loading) onShowMore();
        }}
        className={buttonClass("secondary", `w-full ${loading ? "cursor-wait opacity-60" : ""}`)}
      >
        {t.rich("showMore", { stage: stageName(stage), hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
      </button>
    </div>
  );
}

/**
 * Focus for the first card of a last page: its "Show more" button is gone, and focus must not
 * fall back to the top of the page. `focusCard(id)` is applied once that card is rendered.
 */
export function useFocusCard() {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    const link = document.querySelector<HTMLElement>(`[data-project-id="${CSS.escape(id)}"] a`);
    if (link) {
      link.focus();
      pending.current = null;
    }
  });
  return (id: string) => {
    pending.current = id;
  };
}
