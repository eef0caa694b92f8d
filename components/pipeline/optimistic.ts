import type { Stage } from "@/db/enums";
import { addDecimals } from "@/lib/money";
import { columnTotalCny } from "@/lib/projects/board-figures";
import type { PipelineCard, PipelineData } from "@/lib/projects/board-queries";
import { stageIndex } from "@/lib/projects/stages";

type Column = PipelineData["columns"][number];

/** A column with one card more (sign 1) or less (-1): its count, its sum in the card's currency, its total recomputed as the server does. */
function shift(column: Column, card: PipelineCard, sign: 1 | -1, rates: PipelineData["rates"]): Column {
  const planned = { ...column.planned };
  if (card.plannedAmount) planned[card.currency] = addDecimals(planned[card.currency] ?? "0", sign < 0 ? `-${card.plannedAmount}` : card.plannedAmount);
  return { ...column, count: column.count + sign, planned, totalCny: columnTotalCny(planned, rates) };
}

/**
 * The board as it will look once the move is saved: the card first in its new column (it is the
 * most recently moved), counts and totals moved with it.
 */
export function applyMove(data: PipelineData, cardId: string, toStage: Stage, asRequest: boolean): PipelineData {
  const card = data.cards.find((c) => c.id === cardId);
  if (!card) return data;
  if (asRequest) return { ...data, cards: data.cards.map((c) => (c.id === cardId ? { ...c, pendingTo: toStage } : c)) };
  const moved = { ...card, stage: toStage, pendingTo: null, stageChangedAt: new Date().toISOString(), signed: card.signed || stageIndex(toStage) >= stageIndex("signed") };
  return {
    ...data,
    columns: data.columns.map((col) => {
      if (col.stage === card.stage) return shift(col, card, -1, data.rates);
      if (col.stage === toStage) return shift(col, card, 1, data.rates);
      return col;
    }),
    cards: [moved, ...data.cards.filter((c) => c.id !== cardId)],
  };
}

/** What the server says is true of a card, laid over the board after a refused move. */
export function applyTruth(data: PipelineData, truth: { id: string; stage: Stage; version: number; pendingTo: Stage | null; status?: string }): PipelineData {
  const card = data.cards.find((c) => c.id === truth.id);
  if (!card) return data;
  const moved = card.stage === truth.stage ? data : applyMove(data, truth.id, truth.stage, false);
  return { ...moved, cards: moved.cards.map((c) => (c.id === truth.id ? { ...c, version: truth.version, pendingTo: truth.pendingTo } : c)) };
}
