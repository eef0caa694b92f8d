"use client";

import { useDroppable } from "@dnd-kit/core";
import { useLocale, useTranslations } from "next-intl";
import type { Stage } from "@/db/enums";
import { type DisplayUnit, groupDigits, inDisplayUnit } from "@/lib/money";
import type { PipelineCard as Card, PipelineColumn } from "@/lib/projects/board-queries";
import { PipelineCard } from "./card";
import { ShowMore } from "./show-more";

interface Props {
  column: PipelineColumn;
  cards: Card[];
  /** The unit every column's total is shown in (the board names it once, above the columns). */
  unit: DisplayUnit;
  /** The column has cards beyond those shown. */
  hasMore: boolean;
  loadingMore: boolean;
  onShowMore: () => void;
  onMove: (card: Card, to: Stage | "lost") => void;
}

/**
 * One stage: header with count and CNY total, its cards a page at a time with "Show more" at the
 * end, and the place cards dragged from other stages are dropped on.
 */
export function BoardColumn({ column, cards, unit, hasMore, loadingMore, onShowMore, onMove }: Props) {
  const t = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const money = useTranslations("projects.money");
  const common = useTranslations("common");
  const locale = useLocale();
  const { setNodeRef, isOver } = useDroppable({ id: column.stage });
  const headingId = `stage-${column.stage}`;

  return (
    <li className="w-[85%] shrink-0 snap-start sm:w-64 xl:w-auto">
      <section
        ref={setNodeRef}
        aria-labelledby={headingId}
        data-stage={column.stage}
        className={`flex h-full min-h-64 flex-col rounded-lg border ${isOver ? "border-brand-600 bg-brand-50 ring-2 ring-brand-100" : "border-slate-200 bg-slate-50"}`}
      >
        <header className="border-b border-slate-200 px-2 py-1.5">
          <h2 id={headingId} className="text-sm font-semibold text-slate-900">
            {stageName(column.stage)}
          </h2>
          <p className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-slate-600" data-testid="column-totals">
            <span>{t("count", { count: column.count })}</span>
            <span className="ml-auto font-medium text-slate-800 tabular-nums" title={money("exact", { value: groupDigits(column.totalCny, locale) })}>
              {groupDigits(inDisplayUnit(column.totalCny, unit), locale)}
              <span className="sr-only"> {common(`moneyUnits.${unit}`)}</span>
            </span>
          </p>
        </header>
        <ul className="flex flex-1 flex-col gap-1.5 p-1.5">
          {cards.length === 0 ? <li className="px-1 py-4 text-center text-xs text-slate-500">{t("emptyColumn")}</li> : null}
          {cards.map((card) => (
            <PipelineCard key={card.id} card={card} onMove={onMove} />
          ))}
        </ul>
        {hasMore ? (
          <div className="px-1.5 pb-1.5">
            <ShowMore stage={column.stage} shown={cards.length} count={column.count} loading={loadingMore} onShowMore={onShowMore} />
          </div>
        ) : null}
      </section>
    </li>
  );
}
