"use client";

import { useDraggable } from "@dnd-kit/core";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";
import { type Stage, STAGES } from "@/db/enums";
import { primaryName } from "@/lib/i18n/display";
import type { PipelineCard as Card } from "@/lib/projects/board-queries";
import styles from "./card.module.css";
import type { DragData } from "./drag";

/**
 * One project on the board. A mouse drags it from anywhere but its menu; a finger after pressing
 * and holding it, or at once from its handle; the keyboard from its handle (Space, the arrow keys,
 * Space). While it is dragged a copy follows the pointer (the board's DragOverlay) and the card
 * stays in place, faded.
 */
export function PipelineCard({ card, onMove }: { card: Card; onMove: (card: Card, to: Stage | "lost") => void }) {
  const t = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const statusName = useTranslations("projects.statuses");
  const locale = useLocale();
  const enterprise = primaryName({ nameZh: card.enterpriseNameZh, nameEn: card.enterpriseNameEn }, locale).first;
  const data: DragData = { name: card.name, stage: card.stage };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    data,
    disabled: !card.canMove,
  });

  return (
    <li
      ref={setNodeRef}
      {...listeners}
      aria-label={card.name}
      data-project-id={card.id}
      className={`${styles.card}${card.canMove ? ` ${styles.movable}` : ""}${isDragging ? " opacity-40" : ""}`}
    >
      {card.canMove ? (
        <button
          type="button"
          ref={setActivatorNodeRef}
          aria-label={t("drag.handle", { name: card.name })}
          aria-describedby={attributes["aria-describedby"]}
          aria-pressed={attributes["aria-pressed"]}
          className={styles.handle}
        />
      ) : null}
      <Link href={`/projects/${card.id}`} draggable={false} className={styles.name}>
        {card.name}
      </Link>
      <p className="truncate text-slate-600" data-testid="card-body">
        {enterprise}
      </p>
      <p className="flex flex-wrap items-baseline gap-x-2">
        {card.plannedAmount ? <WanYi yuan={card.cnyAmount} className="font-medium text-slate-800" /> : <span className="text-slate-500">{t("noAmount")}</span>}
        {card.plannedAmount && card.currency !== "CNY" ? (
          <span className="text-slate-500">
            <OriginalAmount amount={card.plannedAmount} currency={card.currency} />
          </span>
        ) : null}
      </p>
      <p className="flex flex-wrap gap-1">
        {card.ownerName ? <span className="text-slate-500">{card.ownerName}</span> : null}
        {card.status !== "active" ? (
          <span className={`rounded px-1.5 ${card.status === "lost" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-900"}`}>{statusName(card.status)}</span>
        ) : null}
        {card.confidential ? <span className="rounded bg-slate-800 px-1.5 text-white">{t("confidential")}</span> : null}
      </p>
      {card.pendingTo ? <p className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-900">{t("pending", { stage: stageName(card.pendingTo) })}</p> : null}
      {card.canMove ? <MoveSelect card={card} onMove={onMove} /> : null}
    </li>
  );
}

/** What follows the pointer while a card is dragged: its name and enterprise. */
export function CardInFlight({ card }: { card: Card }) {
  const locale = useLocale();
  return (
    <div className="pointer-events-none cursor-grabbing space-y-1 rounded-md border border-brand-600 bg-white p-2 text-xs shadow-lg ring-2 ring-brand-100">
      <p className="text-[13px] leading-snug font-medium break-words text-brand-700">{card.name}</p>
      <p className="truncate text-slate-600">{primaryName({ nameZh: card.enterpriseNameZh, nameEn: card.enterpriseNameEn }, locale).first}</p>
    </div>
  );
}

/**
 * A card's "Move to" menu. Its stages are put in when it is first reached (pointer or keyboard
 * focus, before it opens): a board of 225 cards does not send 2,000 options nobody opens.
 */
function MoveSelect({ card, onMove }: { card: Card; onMove: (card: Card, to: Stage | "lost") => void }) {
  const t = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const [reached, setReached] = useState(false);
  const reach = () => setReached(true);
  return (
    <label className="block pt-1">
      <span className="sr-only">{t("moveTo", { name: card.name })}</span>
      <select
        value=""
        onPointerDown={reach}
        onFocus={reach}
        onChange={(event) => {
          const to = event.target.value as Stage | "lost" | "";
          if (to) onMove(card, to);
        }}
        className="block w-full rounded border border-slate-300 bg-white px-1.5 py-1 text-xs text-slate-700"
      >
        <option value="">{t("moveToPlaceholder")}</option>
        {reached
          ? STAGES.filter((s) => s !== card.stage).map((s) => (
              <option key={s} value={s}>
                {stageName(s)}
              </option>
            ))
          : null}
        {reached && card.status !== "lost" ? <option value="lost">{t("markLost")}</option> : null}
      </select>
    </label>
  );
}
