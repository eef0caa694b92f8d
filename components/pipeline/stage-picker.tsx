"use client";

import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useState } from "react";
import { type Stage, STAGES } from "@/db/enums";

/**
 * Below the width where all nine columns fit, the board shows a column or a few at a time and
 * scrolls on its own; this row of stages (with their counts) brings any of them into view, and
 * marks the one at the board's left edge.
 */
export function StagePicker({ board, counts }: { board: RefObject<HTMLDivElement | null>; counts: Record<Stage, number> }) {
  const t = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const [current, setCurrent] = useState<Stage>(STAGES[0]);

  const columnOf = (stage: Stage) => board.current?.querySelector<HTMLElement>(`[data-stage="${stage}"]`)?.parentElement ?? null;

  useEffect(() => {
    const scroller = board.current;
    if (!scroller) return;
    const onScroll = () => {
      const edge = scroller.getBoundingClientRect().left + parseFloat(getComputedStyle(scroller).paddingLeft);
      let nearest: Stage = STAGES[0];
      let distance = Infinity;
      for (const stage of STAGES) {
        const column = scroller.querySelector(`[data-stage="${stage}"]`);
        if (!column) continue;
        const d = Math.abs(column.getBoundingClientRect().left - edge);
        if (d < distance) [nearest, distance] = [stage, d];
      }
      setCurrent(nearest);
    };
    scroller.addEventListener("scroll", onScroll, { passive: true });
    return () => scroller.removeEventListener("scroll", onScroll);
  }, [board]);

  function show(stage: Stage) {
    const scroller = board.current;
    const column = columnOf(stage);
    if (!scroller || !column) return;
    const left = column.offsetLeft - parseFloat(getComputedStyle(scroller).paddingLeft);
    scroller.scrollTo({ left, behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    setCurrent(stage);
  }

  return (
    <nav aria-label={t("stagePicker")} className="xl:hidden">
      <ul className="flex flex-wrap gap-1.5">
        {STAGES.map((stage) => (
          <li key={stage}>
            <button
              type="button"
              aria-current={current === stage ? "true" : undefined}
              onClick={() => show(stage)}
              className={`min-h-8 rounded-full border px-2.5 text-xs ${current === stage ? "border-brand-600 bg-brand-50 font-medium text-brand-800" : "border-slate-300 bg-white text-slate-700"}`}
            >
              {stageName(stage)} <span className="tabular-nums text-slate-500">{counts[stage]}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
