import { CsvParseError, parseCsvRecords } from "@/lib/csv/parse";
import { countryCode } from "@/lib/enterprises/import/country";
import { guessMapping, type ImportField } from "@/lib/enterprises/import/fields";
import { enterpriseInput } from "@/lib/enterprises/schema";
import "@/lib/security/browser-no-eval";
import type { ParticipantRole } from "./schema";

/**
 * A list of participants read from a CSV file (or pasted lines) and matched to the enterprises
 * already in Landfall, before anything is added. Runs in the browser; no server-only imports.
 */

/** As many rows as one add takes (MAX_PARTICIPANTS_AT_ONCE). */
export const MAX_LIST_ROWS = 200;

/** A row that can be staged, its values cleaned by the enterprise form's rules. */
export interface ListRow {
  /** The spreadsheet row (or the line number of a pasted list). */
  row: number;
  nameZh: string;
  nameEn: string;
  aliases: string[];
  creditCode: string;
  /** An ISO code, or "" when the file gives none the form would take. */
  country: string;
  role: ParticipantRole;
}

/** A row left out, with why: a catalogue key ("events.add.noName", "validation.creditCodeCheck"). */
export interface UnusableRow {
  row: number;
  name: string;
  reason: string;
}

export interface ReadList {
  rows: ListRow[];
  unusable: UnusableRow[];
  /** More than MAX_LIST_ROWS rows: nothing was read. */
  tooMany: boolean;
}

const HAN = /\p{Script=Han}/u;
const ROLE_HEADER = /角色|身份|role/i;

/** The cleaned row, or why it cannot be used: the same rules as the create form. */
function checkRow(row: number, raw: Omit<ListRow, "row" | "aliases"> & { aliases: string }): ListRow | UnusableRow {
  const parsed = enterpriseInput.safeParse({ nameZh: raw.nameZh, nameEn: raw.nameEn, aliases: raw.aliases, creditCode: raw.creditCode });
  const name = (raw.nameZh.trim() || raw.nameEn.trim()).slice(0, 200);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const reason =
      issue.message === "validation.nameRequired" ? "events.add.noName" : /^validation\.\w+$/.test(issue.message) ? issue.message : "validation.invalid";
    return { row, name, reason };
  }
  const e = parsed.data;
  return { row, nameZh: e.nameZh ?? "", nameEn: e.nameEn ?? "", aliases: e.aliases, creditCode: e.creditCode ?? "", country: raw.country, role: raw.role };
}

const isUsable = (r: ListRow | UnusableRow): r is ListRow => !("reason" in r);

function collect(checked: (ListRow | UnusableRow)[]): ReadList {
  return { rows: checked.filter(isUsable), unusable: checked.filter((r): r is UnusableRow => !isUsable(r)), tooMany: false };
}

/** One name typed or pasted: Chinese when it has Han characters, else English. */
function byScript(name: string) {
  return HAN.test(name) ? { nameZh: name, nameEn: "" } : { nameZh: "", nameEn: name };
}

/**
 * The rows of a CSV file with a header row. The columns are recognised as the enterprise import
 * recognises them (企业名称, 英文名称, Company, 简称, 统一社会信用代码, 国家…), plus a role column
 * (角色, 身份, Role). A row with only an English name is a row like any other; a row that cannot
 * be used (no name, a wrong credit code, …) is listed in `unusable` with its reason, never
 * dropped. A file without a recognised name column is read by its first column.
 */
export function readParticipantCsv(text: string, roleOf: (text: string) => ParticipantRole | undefined, fallback: ParticipantRole): ReadList {
  let records;
  try {
    records = parseCsvRecords(text, { maxRecords: MAX_LIST_ROWS + 1 });
  } catch (e) {
    if (e instanceof CsvParseError && e.code === "tooManyRows") return { rows: [], unusable: [], tooMany: true };
    throw e;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], unusable: [], tooMany: false };
  const mapping: (ImportField | "role" | null)[] = guessMapping(header.cells, body.slice(0, 20).map((r) => r.cells));
  const roleAt = header.cells.findIndex((h, i) => mapping[i] === null && ROLE_HEADER.test(h.trim()));
  if (roleAt >= 0) mapping[roleAt] = "role";
  const nameColumns = mapping.filter((f) => f === "nameZh" || f === "nameEn").length;
  // No name column recognised: the first column holds the names.
  if (nameColumns === 0) mapping[0] = "nameZh";

  const checked = body
    .filter((r) => r.cells.some((c) => c.trim() !== ""))
    .map((record) => {
      const cells: Partial<Record<ImportField | "role", string>> = {};
      mapping.forEach((field, i) => {
        const cell = record.cells[i]?.trim();
        if (!field || !cell) return;
        cells[field] = field === "aliases" && cells.aliases ? `${cells.aliases}\n${cell}` : cell;
      });
      // A single name column holds Chinese and foreign names alike.
      const names = nameColumns === 2 ? { nameZh: cells.nameZh ?? "", nameEn: cells.nameEn ?? "" } : byScript(cells.nameZh ?? cells.nameEn ?? "");
      const country = cells.country ? countryCode(cells.country) : "";
      return checkRow(record.row, {
        ...names,
        aliases: cells.aliases ?? "",
        creditCode: cells.creditCode ?? "",
        country: /^[A-Z]{2}$/.test(country) ? country : "",
        role: (cells.role && roleOf(cells.role)) || fallback,
      });
    });
  return collect(checked);
}

/** Pasted lines, each already split into a name and a role; `line` numbers them (from 1 when absent). */
export function readParticipantLines(lines: readonly { name: string; role: ParticipantRole; line?: number }[]): ReadList {
  if (lines.length > MAX_LIST_ROWS) return { rows: [], unusable: [], tooMany: true };
  return collect(lines.map((l, i) => checkRow(l.line ?? i + 1, { ...byScript(l.name), aliases: "", creditCode: "", country: "", role: l.role })));
}

/** An enterprise a row may be: what the enterprise search answers for a row's names and code. */
export interface KnownEnterprise {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
  aliases: string[];
  creditCode: string | null;
  city?: string | null;
  country?: string;
}

export type StagedListRow<E extends KnownEnterprise = KnownEnterprise> =
  | { row: number; role: ParticipantRole; kind: "existing"; enterprise: E }
  /** Not in Landfall yet; `similar` holds the enterprises it may be when more than one matched. */
  | ({ kind: "new"; similar: E[] } & ListRow);

/** The names and code a row is looked up by. */
export const lookupOf = (r: ListRow) => ({ names: [r.nameZh, r.nameEn, ...r.aliases].filter(Boolean), creditCode: r.creditCode || null });

/**
 * Matches each row to what is in Landfall: the enterprise holding its credit code, or the one
 * enterprise any of its names matches (a name key shared with any name or alias of it). An
 * enterprise with another credit code is not the row's. Several matches: the row is new, with
 * them as candidates to choose from. A few lookups at a time.
 */
export async function stageListRows<E extends KnownEnterprise>(
  rows: readonly ListRow[],
  lookup: (query: ReturnType<typeof lookupOf>) => Promise<E[]>,
): Promise<StagedListRow<E>[]> {
  const staged: StagedListRow<E>[] = [];
  for (let i = 0; i < rows.length; i += 4) {
    const batch = rows.slice(i, i + 4);
    const found = await Promise.all(batch.map((r) => lookup(lookupOf(r))));
    batch.forEach((r, j) => {
      const candidates = found[j]!.filter((e) => !r.creditCode || !e.creditCode || e.creditCode === r.creditCode);
      const sameCode = r.creditCode ? candidates.find((e) => e.creditCode === r.creditCode) : undefined;
      const match = sameCode ?? (candidates.length === 1 ? candidates[0] : undefined);
      staged.push(match ? { row: r.row, role: r.role, kind: "existing", enterprise: match } : { ...r, kind: "new", similar: candidates });
    });
  }
  return staged;
}
