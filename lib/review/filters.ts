import { z } from "zod";
import { shanghaiYear } from "@/lib/time";

export interface ReviewFilters {
  year: number;
  team: string | null;
  chain: string | null;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const uuid = z.uuid();
const year = z.coerce.number().int().min(2000).max(2100);

function one(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return typeof v === "string" && v ? v : undefined;
}

/** Filters from the URL; a malformed value is dropped rather than refused. */
export function parseReviewFilters(params: Params): ReviewFilters {
  const y = year.safeParse(one(params, "year"));
  const team = uuid.safeParse(one(params, "team"));
  const chain = uuid.safeParse(one(params, "chain"));
  return {
    year: y.success ? y.data : shanghaiYear(),
    team: team.success ? team.data : null,
    chain: chain.success ? chain.data : null,
  };
}

/** The query string for the filters (page links and export links). */
export function reviewSearch(f: ReviewFilters, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams(extra);
  p.set("year", String(f.year));
  if (f.team) p.set("team", f.team);
  if (f.chain) p.set("chain", f.chain);
  return `?${p.toString()}`;
}
