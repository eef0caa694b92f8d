import type { PipelineColumnPage, PipelineData } from "@/lib/projects/board-queries";

/**
 * A column's next page added after the cards it shows. A card already on the board (moved into
 * the column since the page before was read) stays where it is and is not repeated.
 */
export function appendPage(data: PipelineData, page: PipelineColumnPage): PipelineData {
  const shown = new Set(data.cards.map((c) => c.id));
  return {
    ...data,
    cards: [...data.cards, ...page.cards.filter((c) => !shown.has(c.id))],
    next: { ...data.next, [page.stage]: page.next },
  };
}
