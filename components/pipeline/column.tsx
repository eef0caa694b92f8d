"use client";

import { useTranslations } from "next-intl";
import { type DragEvent, useState } from "react";
import { WanYi } from "@/components/ui/wan-yi";
import type { Stage } from "@/db/enums";
import type { PipelineCard as Card, PipelineColumn } from "@/lib/projects/board-queries";
import { CARD_MIME, draggedCardId, PipelineCard } from "./card";
import { ShowMore } from "./show-more";

interface Props {
  column: PipelineColumn;
  cards: Card[];
  /** The column has cards beyond those shown. */
  hasMore: boolean;
  loadingMore: boolean;
  onShowMore: () => void;
  onMove: (card: Card, to: Stage | "lost") => void;
  findCard: (id: string) => Card | undefined;
}

/**
 * One stage: header with count and CNY total, its cards a page at a time with "Show more" at the
 * end, a drop zone for cards dragged from other stages.
 */
export function BoardColumn({ column, cards, hasMore, loadingMore, onShowMore, onMove, findCard }: Props) {
  const t = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const [over, setOver] = useState(false);
  const headingId = `stage-${column.stage}`;

  function onDragOver(event: DragEvent) {
    if (!event.dataTransfer.types.includes(CARD_MIME) && !draggedCardId()) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!over) setOver(true);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const card = findCard(event.dataTransfer.getData(CARD_MIME) || draggedCardId() || "");
    if (card) onMove(card, column.stage);
  }

  return (
    <li className="w-64 shrink-0 snap-start">
      <section
        aria-labelledby={headingId}
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-stage={column.stage}
        className={`flex h-full min-h-64 flex-col rounded-lg border bg-slate-50 ${over ? "border-brand-500 ring-2 ring-brand-200" : "border-slate-200"}`}
      >
        <header className="border-b border-slate-200 px-3 py-2">
          <h2 id={headingId} className="font-semibold text-slate-900">
            {stageName(column.stage)}
          </h2>
          <p className="flex items-baseline justify-between gap-2 text-sm text-slate-600" data-testid="column-totals">
            <span>{t("count", { count: column.count })}</span>
            <WanYi yuan={column.totalCny} className="font-medium text-slate-800" />
          </p>
        </header>
        <ul className="flex flex-1 flex-col gap-2 p-2">
          {cards.length === 0 ? <li className="px-1 py-4 text-center text-sm text-slate-500">{t("emptyColumn")}</li> : null}
          {cards.map((card) => (
            <PipelineCard key={card.id} card={card} onMove={onMove} />
          ))}
        </ul>
        {hasMore ? (
          <div className="px-2 pb-2">
            <ShowMore stage={column.stage} shown={cards.length} count={column.count} loading={loadingMore} onShowMore={onShowMore} />
          </div>
        ) : null}
      </section>
    </li>
  );
}
