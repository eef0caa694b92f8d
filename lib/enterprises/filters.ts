import { z } from "zod";
import { ENTERPRISE_SIZES, OWNERSHIPS } from "@/db/enums";
import { stripControlCharacters } from "@/lib/validation";

export const SORTS = ["created", "updated", "name"] as const;
export type EnterpriseSort = (typeof SORTS)[number];

/** Columns a user may show or hide; the name is always shown. */
export const COLUMNS = ["creditCode", "location", "ownership", "size", "chains", "owner", "team", "created", "updated"] as const;
export type EnterpriseColumn = (typeof COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly EnterpriseColumn[] = ["creditCode", "location", "ownership", "owner", "created"];

const text = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? stripControlCharacters(v).trim() || undefined : undefined), z.string().max(max).optional()).catch(undefined);
const id = z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()).catch(undefined);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional()).catch(undefined);

/**
 * The list's state, all in the URL so a view can be sent as a link or saved. Anything
 * malformed is dropped rather than refused: a hand-edited link still shows a list.
 */
export const enterpriseFilters = z.object({
  q: text(100),
  chain: id,
  node: id,
  country: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.string().regex(/^[A-Z]{2}$/).optional()).catch(undefined),
  city: text(100),
  owner: z.union([z.literal("me"), z.uuid()]).optional().catch(undefined),
  team: id,
  size: oneOf(ENTERPRISE_SIZES),
  ownership: oneOf(OWNERSHIPS),
  active: z.preprocess((v) => v === "1" || v === true, z.boolean()).catch(false),
  sort: z.enum(SORTS).catch("created").default("created"),
  cols: z
    .preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(z.enum(COLUMNS)))
    .optional()
    .catch(undefined),
});

export type EnterpriseFilters = z.output<typeof enterpriseFilters>;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function get(params: Params, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.getAll(key).join(",") || undefined;
  const v = params[key];
  return Array.isArray(v) ? v.join(",") : v;
}

export function parseEnterpriseFilters(params: Params): EnterpriseFilters {
  const raw = Object.fromEntries(enterpriseFilters.keyof().options.map((k) => [k, get(params, k)]));
  return enterpriseFilters.parse(raw);
}

/** The query string for these filters (without the cursor), defaults left out. */
export function filtersToQuery(f: EnterpriseFilters, overrides: Partial<Record<keyof EnterpriseFilters, string | undefined>> = {}): string {
  const out = new URLSearchParams();
  const values: Record<string, string | undefined> = {
    q: f.q,
    chain: f.chain,
    node: f.node,
    country: f.country,
    city: f.city,
    owner: f.owner,
    team: f.team,
    size: f.size,
    ownership: f.ownership,
    active: f.active ? "1" : undefined,
    sort: f.sort === "created" ? undefined : f.sort,
    cols: f.cols?.join(","),
    ...overrides,
  };
  for (const [k, v] of Object.entries(values)) if (v) out.set(k, v);
  return out.toString();
}

export function visibleColumns(f: EnterpriseFilters): readonly EnterpriseColumn[] {
  return f.cols && f.cols.length > 0 ? f.cols : DEFAULT_COLUMNS;
}

/** True when anything narrows the list (the total can then not come from table statistics). */
export function isFiltered(f: EnterpriseFilters): boolean {
  return Boolean(f.q || f.chain || f.node || f.country || f.city || f.owner || f.team || f.size || f.ownership || f.active);
}
