import { PROJECT_STATUSES, type Stage, STAGES } from "@/db/enums";

/** The dated facts a project can be filtered by: signed (first signing in a year), started (into 开工), funds (a tranche received). */
export const FIGURE_EVENTS = ["signed", "started", "funds"] as const;
export type FigureEvent = (typeof FIGURE_EVENTS)[number];

/** "none": the projects without one (no team, no owner, no chain node). */
export const NONE = "none";

export interface PipelineFilters {
  /** A team id, or "none". */
  team: string | null;
  /** A user id, "me", or "none". */
  owner: string | null;
  /** A chain id, or "none". */
  chain: string | null;
  /** Null: every status but lost; "all": lost too. */
  status: (typeof PROJECT_STATUSES)[number] | "all" | null;
  view: "board" | "list";
  // The filters a review figure links with (lib/projects/figure-filters.ts defines them for both).
  /**
   * The current stage is exactly this one. Not `stage`: to the board's API that asks for one
   * column's page (lib/projects/board-cursor.ts).
   */
  inStage?: Stage | null;
  /** The current stage is this one or later. */
  stageFrom?: Stage | null;
  /** Applied stage changes ever reached this stage or a later one. */
  reached?: Stage | null;
  /** Has a fact of this kind, in the months from `from` to `to` ("YYYY-MM", both included; either open). */
  event?: FigureEvent | null;
  from?: string | null;
  to?: string | null;
}

/** The filters a review figure adds to the board's; any one set makes the list a figure's projects. */
export const FIGURE_KEYS = ["inStage", "stageFrom", "reached", "event", "from", "to"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function one(params: Params, key: string): string | null {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return typeof v === "string" && v ? v : null;
}

/** Filters from the URL; anything unreadable is ignored rather than refused. */
export function parsePipelineFilters(params: Params): PipelineFilters {
  const id = (key: string) => {
    const v = one(params, key);
    return v === NONE ? NONE : v && UUID.test(v) ? v : null;
  };
  const owner = one(params, "owner");
  const status = one(params, "status");
  const stage = (key: string) => {
    const v = one(params, key);
    return (STAGES as readonly string[]).includes(v ?? "") ? (v as Stage) : null;
  };
  const event = one(params, "event");
  const month = (key: string) => {
    const v = one(params, key);
    const m = v ? /^(\d{4})-(\d{2})$/.exec(v) : null;
    return m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100 && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? v : null;
  };
  const known = (FIGURE_EVENTS as readonly string[]).includes(event ?? "") ? (event as FigureEvent) : null;
  return {
    team: id("team"),
    owner: owner === "me" ? "me" : id("owner"),
    chain: id("chain"),
    status: status === "all" || (PROJECT_STATUSES as readonly string[]).includes(status ?? "") ? (status as PipelineFilters["status"]) : null,
    view: one(params, "view") === "list" ? "list" : "board",
    inStage: stage("inStage"),
    stageFrom: stage("stageFrom"),
    reached: stage("reached"),
    event: known,
    // A period means nothing without the kind of fact it dates.
    from: known ? month("from") : null,
    to: known ? month("to") : null,
  };
}

/** Whether the filters include any of a review figure's. */
export const hasFigureFilter = (f: PipelineFilters) => FIGURE_KEYS.some((k) => Boolean(f[k]));

/** The query string for filters (the board's URL and the API's). */
export function pipelineSearch(f: PipelineFilters, opts: { withView?: boolean } = {}): string {
  const p = new URLSearchParams();
  if (f.team) p.set("team", f.team);
  if (f.owner) p.set("owner", f.owner);
  if (f.chain) p.set("chain", f.chain);
  if (f.status) p.set("status", f.status);
  for (const key of FIGURE_KEYS) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  if (opts.withView !== false && f.view === "list") p.set("view", "list");
  const s = p.toString();
  return s ? `?${s}` : "";
}
