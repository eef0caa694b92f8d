"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Stage } from "@/db/enums";
import type { PipelineColumnPage } from "@/lib/projects/board-queries";
import type { PipelineFilters } from "@/lib/projects/filters";
import { appendPage } from "./pages";
import { fetchColumnPage, pipelineQuery } from "./query";

interface Callbacks {
  onLoaded: (page: PipelineColumnPage) => void;
  onFailed: (stage: Stage) => void;
}

/** "Show more" for the board and the list: one column's next page, added to the query cache. */
export function useShowMore(filters: PipelineFilters, { onLoaded, onFailed }: Callbacks) {
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState<ReadonlySet<Stage>>(() => new Set());

  async function showMore(stage: Stage): Promise<PipelineColumnPage | null> {
    const { queryKey } = pipelineQuery(filters);
    const after = queryClient.getQueryData(queryKey)?.next[stage];
    if (!after || loading.has(stage)) return null;
    setLoading((s) => new Set(s).add(stage));
    try {
      const page = await fetchColumnPage(filters, stage, after);
      // A refetch already under way would replace the board without this page: stop it, add the
      // page, and read again (the refetch reads each column on to the depth it is shown at).
      const refetching = queryClient.isFetching({ queryKey }) > 0;
      if (refetching) await queryClient.cancelQueries({ queryKey });
      // Added only where the column still ends at the cursor the page was read after.
      queryClient.setQueryData(queryKey, (d) => (d && d.next[stage] === after ? appendPage(d, page) : d));
      if (refetching) void queryClient.invalidateQueries({ queryKey });
      onLoaded(page);
      return page;
    } catch {
      onFailed(stage);
      return null;
    } finally {
      setLoading((s) => {
        const rest = new Set(s);
        rest.delete(stage);
        return rest;
      });
    }
  }

  return { loading, showMore };
}
