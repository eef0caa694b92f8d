import type { PickedEnterprise } from "@/components/enterprises/enterprise-picker";
import { PARTICIPANT_ROLES } from "@/db/enums";
import type { DuplicateCandidate } from "@/lib/enterprises/duplicates";
import { type KnownEnterprise, MAX_LIST_ROWS, type StagedListRow } from "@/lib/events/participant-csv";

export type Role = (typeof PARTICIPANT_ROLES)[number];

/** Why a row was not added: a catalogue key, or similar names waiting for confirmation. */
export type Problem = { reason: string } | { similar: SimilarEnterprise[] };

/** A candidate the row may be: from the server's similar-name check or from matching a list. */
export type SimilarEnterprise = Pick<DuplicateCandidate, "id" | "nameZh" | "nameEn" | "creditCode"> & { aliases?: string[] };

export type StagedRow = { key: string; role: Role; problem?: Problem } & (
  | { kind: "existing"; enterprise: PickedEnterprise }
  | { kind: "new"; nameZh: string; nameEn: string; aliases: string[]; country: string; creditCode: string; confirmSimilar: boolean }
);

export const MAX_LINES = MAX_LIST_ROWS;
/** Chinese name, English name and a few aliases are enough to recognise a row. */
const MAX_LOOKUP_NAMES = 6;

let counter = 0;
export const rowKey = () => `row-${Date.now().toString(36)}-${counter++}`;

const HAN = /\p{Script=Han}/u;

export function newRow(name: string, role: Role): StagedRow {
  const zh = HAN.test(name);
  return { key: rowKey(), role, kind: "new", nameZh: zh ? name : "", nameEn: zh ? "" : name, aliases: [], country: zh ? "CN" : "", creditCode: "", confirmSimilar: false };
}

/**
 * "name" or "name, role": the role is taken from after the last comma only when it names a
 * role (in either language), since company names carry commas ("BYD Co., Ltd.").
 */
export function parseLine(line: string, roleOf: (text: string) => Role | undefined, fallback: Role) {
  const trimmed = line.trim();
  const cut = Math.max(trimmed.lastIndexOf(","), trimmed.lastIndexOf("，"));
  if (cut > 0) {
    const role = roleOf(trimmed.slice(cut + 1).trim());
    if (role) return { name: trimmed.slice(0, cut).trim(), role };
  }
  return { name: trimmed, role: fallback };
}

/** What the enterprise search answers for a row's names and credit code (see app/api/enterprises/search). */
export async function lookupEnterprises(query: { names: string[]; creditCode: string | null }): Promise<KnownEnterprise[]> {
  const params = new URLSearchParams();
  for (const name of query.names.slice(0, MAX_LOOKUP_NAMES)) params.append("name", name.slice(0, 200));
  if (query.creditCode) params.set("code", query.creditCode);
  const res = await fetch(`/api/enterprises/search?${params}`);
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()).items;
}

/** Rows of a list, matched or new, as the panel shows them; several matches wait for a choice. */
export function toStagedRows(staged: readonly StagedListRow[]): StagedRow[] {
  return staged.map((s): StagedRow => {
    if (s.kind === "existing") return { key: rowKey(), role: s.role, kind: "existing", enterprise: s.enterprise };
    return {
      key: rowKey(),
      role: s.role,
      kind: "new",
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      aliases: s.aliases,
      // A Chinese name is most likely a company in China; the form takes CN when left empty anyway.
      country: s.country || (s.nameZh ? "CN" : ""),
      creditCode: s.creditCode,
      confirmSimilar: false,
      ...(s.similar.length ? { problem: { similar: s.similar } } : {}),
    };
  });
}

/** What the action receives for each staged row. */
export function toPayload(row: StagedRow) {
  if (row.kind === "existing") return { enterpriseId: row.enterprise.id, role: row.role };
  return {
    newEnterprise: { nameZh: row.nameZh, nameEn: row.nameEn, aliases: row.aliases, country: row.country, creditCode: row.creditCode },
    role: row.role,
    confirmSimilar: row.confirmSimilar,
  };
}
