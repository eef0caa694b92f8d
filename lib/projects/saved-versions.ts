// The versions of projects this browser tab has saved from a view that updates itself in place
// (the board) instead of rendering the pages again. A page restored from the router's cache with
// Back shows what it was rendered with; it compares its projects' versions with these and, when
// one is older, asks the server for the page again (components/projects/refresh-when-stale.tsx).

const saved = new Map<string, number>();

/** Records that project `id` is now at `version`. */
export function noteSavedVersion(id: string, version: number): void {
  if ((saved.get(id) ?? 0) < version) saved.set(id, version);
}

/** Whether any of these renderings is older than a version this tab has saved since. */
export function anyStale(records: readonly { id: string; version: number }[]): boolean {
  return records.some((r) => (saved.get(r.id) ?? 0) > r.version);
}
