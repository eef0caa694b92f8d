"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";

function makeQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
}

let browserClient: QueryClient | undefined;

/** One QueryClient per server request, one for the life of the browser tab, shared by every island. */
function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

/**
 * Wraps an interactive island that reads through the query cache. The provider sits at each
 * island, not at the root, so that pages without one do not load the query library at all;
 * every island of a tab shares the one cache.
 */
export function QueryIsland({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
