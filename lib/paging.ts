import { z } from "zod";

/** An opaque keyset cursor: the sort value (as PostgreSQL text, full precision) and the id. */
export interface Cursor {
  at: string;
  id: string;
}

const cursorShape = z.object({ at: z.string().max(40), id: z.uuid() });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

/** A tampered or stale cursor reads as "first page", never as an error. */
export function decodeCursor(raw: string | undefined | null): Cursor | null {
  if (!raw || raw.length > 200) return null;
  try {
    const parsed = cursorShape.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success && !Number.isNaN(Date.parse(parsed.data.at)) ? parsed.data : null;
  } catch {
    return null;
  }
}
