import type { Stage } from "@/db/enums";
import type { PipelineData } from "@/lib/projects/board-queries";
import { addDecimals } from "@/lib/money";
import { stageIndex } from "@/lib/projects/stages";

/** The board as it will look once the move is saved: the card in its new column, counts and totals moved with it. */
export function applyMove(data: PipelineData, cardId: string, toStage: Stage, asRequest: boolean): PipelineData {
  const card = data.cards.find((c) => c.id === cardId);
  if (!card) return data;
  if (asRequest) return { ...data, cards: data.cards.map((c) => (c.id === cardId ? { ...c, pendingTo: toStage } : c)) };
  const amount = card.cnyAmount ?? "0";
  return {
    columns: data.columns.map((col) => {
      if (col.stage === card.stage) return { ...col, count: col.count - 1, totalCny: addDecimals(col.totalCny, `-${amount}`) };
      if (col.stage === toStage) return { ...col, count: col.count + 1, totalCny: addDecimals(col.totalCny, amount) };
      return col;
    }),
    cards: data.cards.map((c) =>
      c.id === cardId
        ? { ...c, stage: toStage, pendingTo: null, stageChangedAt: new Date().toISOString(), signed: c.signed || stageIndex(toStage) >= stageIndex("signed") }
        : c,
    ),
  };
}

/** What the server says is true of a card, laid over the board after a refused move. */
export function applyTruth(data: PipelineData, truth: { id: string; stage: Stage; version: number; pendingTo: Stage | null; status?: string }): PipelineData {
  const card = data.cards.find((c) => c.id === truth.id);
  if (!card) return data;
  const moved = card.stage === truth.stage ? data : applyMove(data, truth.id, truth.stage, false);
  return { ...moved, cards: moved.cards.map((c) => (c.id === truth.id ? { ...c, version: truth.version, pendingTo: truth.pendingTo } : c)) };
}
