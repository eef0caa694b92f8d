import { PROJECT_STATUSES } from "@/db/enums";

export interface PipelineFilters {
  team: string | null;
  /** A user id, or "me". */
  owner: string | null;
  chain: string | null;
  /** Null: every status but lost; "all": lost too. */
  status: (typeof PROJECT_STATUSES)[number] | "all" | null;
  view: "board" | "list";
}

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
    return v && UUID.test(v) ? v : null;
  };
  const owner = one(params, "owner");
  const status = one(params, "status");
  return {
    team: id("team"),
    owner: owner === "me" ? "me" : id("owner"),
    chain: id("chain"),
    status: status === "all" || (PROJECT_STATUSES as readonly string[]).includes(status ?? "") ? (status as PipelineFilters["status"]) : null,
    view: one(params, "view") === "list" ? "list" : "board",
  };
}

/** The query string for filters (the board's URL and the API's). */
export function pipelineSearch(f: PipelineFilters, opts: { withView?: boolean } = {}): string {
  const p = new URLSearchParams();
  if (f.team) p.set("team", f.team);
  if (f.owner) p.set("owner", f.owner);
  if (f.chain) p.set("chain", f.chain);
  if (f.status) p.set("status", f.status);
  if (opts.withView !== false && f.view === "list") p.set("view", "list");
  const s = p.toString();
  return s ? `?${s}` : "";
}
