import { z } from "zod";

/** An opaque keyset cursor: the sort value (as PostgreSQL text, full precision) and the id. */
export interface Cursor {
  at: string;
  id: string;
}

const cursorShape = z.object({ at: z.string().max(200), id: z.uuid() });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/**
 * A tampered or stale cursor reads as "first page", never as an error. By default the sort
 * value must be a timestamp; pass `kind: "text"` for a text sort key.
 */
export function decodeCursor(raw: string | undefined | null, kind: "time" | "text" = "time"): Cursor | null {
  if (!raw || raw.length > 400) return null;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    if (kind === "time" && Number.isNaN(Date.parse(parsed.data.at))) return null;
    return parsed.data;
  } catch {
    return null;
  }
}
