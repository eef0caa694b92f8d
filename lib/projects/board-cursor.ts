import "server-only";
import { type Stage, STAGES } from "@/db/enums";

/**
 * Where a column's next page starts: the last card shown, by the board's order (stage_changed_at
 * descending, then id). `at` keeps the database's microseconds, so rows written in the same
 * millisecond are neither skipped nor repeated.
 */
export interface BoardCursor {
  /** stage_changed_at in UTC, `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
  at: string;
  id: string;
}

const AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to the browser: it only hands back what the server gave it. */
export function encodeCursor(cursor: BoardCursor): string {
  return Buffer.from(`${cursor.at} ${cursor.id}`, "utf8").toString("base64url");
}

/** A cursor this server made, or null: a wrong shape, an impossible date or a non-canonical encoding. */
export function decodeCursor(text: string): BoardCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const raw = Buffer.from(text, "base64url").toString("utf8");
  const [at, id, extra] = raw.split(" ");
  if (extra !== undefined || !at || !id || !UUID.test(id)) return null;
  const m = AT.exec(at);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const real =
    y >= 1000 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d &&
    date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
  if (!real) return null;
  const cursor = { at, id };
  return encodeCursor(cursor) === text ? cursor : null;
}

export type PipelinePageRequest = { kind: "board" } | { kind: "column"; stage: Stage; after: BoardCursor | null };

type Params = URLSearchParams;

/**
 * What /api/pipeline is asked for besides the filters: the whole board, or one column's page
 * (`stage`, and `after` a cursor the server gave). Unlike the filters, which ignore what they
 * cannot read, these are refused when malformed: a wrong page is worse than none.
 */
export function parsePipelinePage(params: Params): PipelinePageRequest | null {
  const stages = params.getAll("stage");
  const afters = params.getAll("after");
  if (stages.length === 0 && afters.length === 0) return { kind: "board" };
  if (stages.length !== 1 || afters.length > 1) return null;
  const stage = stages[0]!;
  if (!(STAGES as readonly string[]).includes(stage)) return null;
  if (afters.length === 0) return { kind: "column", stage: stage as Stage, after: null };
  const after = decodeCursor(afters[0]!);
  return after ? { kind: "column", stage: stage as Stage, after } : null;
}
