import { queryOptions } from "@tanstack/react-query";
import type { PipelineData } from "@/lib/projects/board-queries";
import { type PipelineFilters, pipelineSearch } from "@/lib/projects/filters";

export const pipelineKey = ["pipeline"] as const;

/** The board's data for a set of filters, read through the caller-scoped API route. */
export function pipelineQuery(filters: PipelineFilters) {
  const search = pipelineSearch(filters, { withView: false });
  return queryOptions({
    queryKey: [...pipelineKey, search],
    queryFn: async ({ signal }): Promise<PipelineData> => {
      const response = await fetch(`/api/pipeline${search}`, { signal, headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`pipeline ${response.status}`);
      return response.json();
    },
  });
}
