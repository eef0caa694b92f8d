/**
 * The fields an imported column can fill, and a guess of which column is which from the
 * headers people actually write in attendee lists (Chinese or English). Shared by the
 * browser (mapping screen) and the server (input schema); no server-only imports here.
 */

export const IMPORT_FIELDS = [
  "nameZh",
  "nameEn",
  "aliases",
  "creditCode",
  "country",
  "province",
  "city",
  "website",
  "description",
  "contactName",
  "contactTitle",
  "contactPhone",
  "contactEmail",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportValues = Partial<Record<ImportField, string>>;

/** One data row of the file, with the spreadsheet row number users will look for. */
export interface ImportRow {
  row: number;
  values: ImportValues;
}

/** Limits the browser enforces before anything is sent. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;
/** Rows per server call: a chunk is one transaction and stays well under the 1 MB action body limit. */
export const CHUNK_ROWS = 500;
export const CHUNK_BYTES = 600_000;
/** Longer cells are cut before sending; no field accepts more than 4,000 characters anyway. */
export const MAX_CELL = 5_000;

const ALIASES: Record<ImportField, string[]> = {
  nameZh: ["企业名称", "中文名称", "企业中文名称", "公司名称", "公司中文名称", "单位名称", "参会单位", "工作单位", "名称", "企业", "公司", "单位", "name", "company", "companyname", "enterprise", "enterprisename", "chinesename", "namezh"],
  nameEn: ["英文名称", "英文名", "企业英文名称", "公司英文名称", "englishname", "nameen", "companyenglishname", "englishcompanyname"],
  aliases: ["简称", "企业简称", "公司简称", "单位简称", "曾用名", "企业曾用名", "原名", "原名称", "别名", "又名", "shortname", "formername", "formernames", "previousname", "alias", "aliases", "aka"],
  creditCode: ["统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "creditcode", "unifiedsocialcreditcode", "socialcreditcode", "uscc"],
  country: ["国家", "国家或地区", "国家地区", "国别", "country", "countryorregion", "countryregion"],
  province: ["省份", "省", "所在省份", "province", "state"],
  city: ["城市", "市", "所在城市", "所在地", "city"],
  website: ["网站", "官网", "网址", "官方网站", "企业网站", "website", "web", "url", "homepage"],
  description: ["备注", "说明", "简介", "企业简介", "notes", "note", "remarks", "description"],
  contactName: ["联系人", "联系人姓名", "姓名", "参会人", "参会人员", "参会人姓名", "contact", "contactname", "contactperson", "attendee", "fullname"],
  contactTitle: ["职务", "职位", "头衔", "联系人职务", "title", "position", "jobtitle"],
  contactPhone: ["电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式", "phone", "mobile", "tel", "telephone", "phonenumber"],
  contactEmail: ["邮箱", "电子邮箱", "邮件", "电子邮件", "联系人邮箱", "email", "mail", "emailaddress"],
};

/** "企业名称*", "E-mail", " Credit Code (USCC)" → comparable text, with and without the aside. */
function headerKeys(header: string): string[] {
  const text = header.normalize("NFKC").toLowerCase();
  const squash = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, "");
  return [squash(text), squash(text.replace(/[(\[【].*?[)\]】]/g, ""))];
}

const LOOKUP = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)),
);

const HAN = /\p{Script=Han}/u;

/** Several columns may hold aliases (a 简称 column and a 曾用名 column); every other field fills from one. */
export const REPEATABLE_FIELDS: readonly ImportField[] = ["aliases"];

/**
 * A field for each column (null: not imported); each field goes to the first column that
 * names it, aliases to every one. A "name" column without any Chinese in it is taken for the
 * English name.
 */
export function guessMapping(headers: readonly string[], samples: readonly (readonly string[])[] = []): (ImportField | null)[] {
  const used = new Set<ImportField>();
  const mapping = headers.map((header) => {
    const field = headerKeys(header)
      .map((key) => LOOKUP.get(key))
      .find(Boolean);
    if (!field || (used.has(field) && !REPEATABLE_FIELDS.includes(field))) return null;
    used.add(field);
    return field;
  });
  const zhColumn = mapping.indexOf("nameZh");
  if (zhColumn >= 0 && !used.has("nameEn")) {
    const values = samples.map((r) => r[zhColumn]?.trim() ?? "").filter(Boolean);
    if (values.length > 0 && !values.some((v) => HAN.test(v))) mapping[zhColumn] = "nameEn";
  }
  return mapping;
}

/** What the mapping screen must refuse before a dry run: no name column, or a field chosen twice. */
export function mappingProblems(mapping: readonly (ImportField | null)[]): ("noName" | "twice")[] {
  const chosen = mapping.filter((f): f is ImportField => f !== null && !REPEATABLE_FIELDS.includes(f));
  const problems: ("noName" | "twice")[] = [];
  if (!chosen.includes("nameZh") && !chosen.includes("nameEn")) problems.push("noName");
  if (new Set(chosen).size !== chosen.length) problems.push("twice");
  return problems;
}

/** The mapped values of each non-blank data record; aliases from several columns go one per line. */
export function mapRecords(
  records: readonly { cells: readonly string[]; row: number }[],
  mapping: readonly (ImportField | null)[],
): ImportRow[] {
  const rows: ImportRow[] = [];
  for (const record of records) {
    if (record.cells.every((c) => c.trim() === "")) continue;
    const values: ImportValues = {};
    mapping.forEach((field, column) => {
      const cell = record.cells[column]?.trim();
      if (!field || !cell) return;
      const value = values[field] && REPEATABLE_FIELDS.includes(field) ? `${values[field]}\n${cell}` : cell;
      values[field] = value.slice(0, MAX_CELL);
    });
    rows.push({ row: record.row, values });
  }
  return rows;
}

/** Rows in order, cut into chunks of at most CHUNK_ROWS rows and about CHUNK_BYTES of JSON. */
export function chunkRows(rows: readonly ImportRow[], maxRows = CHUNK_ROWS, maxBytes = CHUNK_BYTES): ImportRow[][] {
  const chunks: ImportRow[][] = [];
  let current: ImportRow[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const row of rows) {
    const size = encoder.encode(JSON.stringify(row)).length;
    if (current.length > 0 && (current.length >= maxRows || bytes + size > maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
