"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { anyStale } from "@/lib/projects/saved-versions";

/**
 * Renders nothing. When the page it sits on shows a project older than one this tab has since
 * saved from the board (the page came back from the router's cache with Back), it reloads the
 * page's data once.
 */
export function RefreshWhenStale({ records }: { records: { id: string; version: number }[] }) {
  const router = useRouter();
  useEffect(() => {
    if (anyStale(records)) router.refresh();
  }, [records, router]);
  return null;
}
