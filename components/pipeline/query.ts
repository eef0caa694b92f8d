import { queryOptions } from "@tanstack/react-query";
import type { Stage } from "@/db/enums";
import type { PipelineColumnPage, PipelineData } from "@/lib/projects/board-queries";
import { type PipelineFilters, pipelineSearch } from "@/lib/projects/filters";
import { appendPage } from "./pages";

export const pipelineKey = ["pipeline"] as const;

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`pipeline ${response.status}`);
  return response.json() as Promise<T>;
}

/** The page of one column after `after`, through the caller-scoped API route. */
export function fetchColumnPage(filters: PipelineFilters, stage: Stage, after: string, signal?: AbortSignal): Promise<PipelineColumnPage> {
  const params = new URLSearchParams(pipelineSearch(filters, { withView: false }));
  params.set("stage", stage);
  params.set("after", after);
  return getJson(`/api/pipeline?${params}`, signal);
}

/**
 * The board's data for a set of filters, read through the caller-scoped API route. A refetch
 * (after a move, or when the data is stale) keeps what "Show more" loaded: each column is read on,
 * page by page from the fresh first page, until it shows at least as many cards as before.
 */
export function pipelineQuery(filters: PipelineFilters) {
  const search = pipelineSearch(filters, { withView: false });
  return queryOptions({
    queryKey: [...pipelineKey, search],
    queryFn: async ({ signal, client, queryKey }): Promise<PipelineData> => {
      let data = await getJson<PipelineData>(`/api/pipeline${search}`, signal);
      const shown = client.getQueryData<PipelineData>(queryKey);
      if (!shown) return data;
      const depth = (d: PipelineData, stage: Stage) => d.cards.filter((c) => c.stage === stage).length;
      const pages = await Promise.all(
        Object.keys(data.next).map(async (key) => {
          const stage = key as Stage;
          const read: PipelineColumnPage[] = [];
          let after = data.next[stage];
          let count = depth(data, stage);
          while (after && count < depth(shown, stage)) {
            const page = await fetchColumnPage(filters, stage, after, signal);
            read.push(page);
            count += page.cards.length;
            after = page.next;
          }
          return read;
        }),
      );
      for (const page of pages.flat()) data = appendPage(data, page);
      return data;
    },
  });
}
