import type { PickedEnterprise } from "@/components/enterprises/enterprise-picker";
import { PARTICIPANT_ROLES } from "@/db/schema";
import { decodeCsvBytes } from "@/lib/csv/decode";
import { parseCsvRecords } from "@/lib/csv/parse";
import type { DuplicateCandidate } from "@/lib/enterprises/duplicates";
import { nameKey } from "@/lib/enterprises/name-key";

export type Role = (typeof PARTICIPANT_ROLES)[number];

/** Why a row was not added: a catalogue key, or similar names waiting for confirmation. */
export type Problem = { reason: string } | { similar: DuplicateCandidate[] };

export type StagedRow = { key: string; role: Role; problem?: Problem } & (
  | { kind: "existing"; enterprise: PickedEnterprise }
  | { kind: "new"; nameZh: string; nameEn: string; country: string; creditCode: string; confirmSimilar: boolean }
);

export const MAX_LINES = 200;

let counter = 0;
export const rowKey = () => `row-${Date.now().toString(36)}-${counter++}`;

const HAN = /\p{Script=Han}/u;

export function newRow(name: string, role: Role): StagedRow {
  const zh = HAN.test(name);
  return { key: rowKey(), role, kind: "new", nameZh: zh ? name : "", nameEn: zh ? "" : name, country: zh ? "CN" : "", creditCode: "", confirmSimilar: false };
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

/** The one enterprise whose name has the same key as the typed name, if the search finds it. */
export async function matchName(name: string, signal?: AbortSignal): Promise<PickedEnterprise | null> {
  const res = await fetch(`/api/enterprises/search?q=${encodeURIComponent(name.slice(0, 100))}`, { signal });
  if (!res.ok) throw new Error(String(res.status));
  const items: PickedEnterprise[] = (await res.json()).items;
  const key = nameKey(name);
  return items.find((e) => key !== null && (nameKey(e.nameZh) === key || nameKey(e.nameEn) === key)) ?? null;
}

/** Lines of the pasted list or of a CSV file's name column (and role column, if there is one). */
export async function linesFromCsv(file: File): Promise<string[]> {
  const { text } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  const records = parseCsvRecords(text, { maxRecords: MAX_LINES + 1 });
  const [header, ...body] = records.map((r) => r.cells);
  if (!header) return [];
  const find = (re: RegExp) => header.findIndex((h) => re.test(h.trim()));
  const nameAt = Math.max(find(/名称|企业|公司|单位|name|company|enterprise/i), 0);
  const roleAt = find(/角色|身份|role/i);
  return body
    .map((cells) => {
      const name = cells[nameAt]?.trim() ?? "";
      const role = roleAt >= 0 ? cells[roleAt]?.trim() : "";
      return name && role ? `${name}, ${role}` : name;
    })
    .filter(Boolean);
}

/** What the action receives for each staged row. */
export function toPayload(row: StagedRow) {
  if (row.kind === "existing") return { enterpriseId: row.enterprise.id, role: row.role };
  return {
    newEnterprise: { nameZh: row.nameZh, nameEn: row.nameEn, country: row.country, creditCode: row.creditCode },
    role: row.role,
    confirmSimilar: row.confirmSimilar,
  };
}
