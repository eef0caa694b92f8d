// Times an import of 10,000 generated attendee rows on a PostgreSQL server, the way the
// browser sends it: a dry run in chunks, then the import in chunks, through the real action
// path (runAction: role gate, zod, transaction, audit) with a real staff member.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node_modules/.bin/tsx scripts/bench/import.ts [rows]
//
// It creates and drops its own database next to the one in DATABASE_URL; nothing else is touched.
import postgres from "postgres";
import { openDatabase } from "@/db";
import { runAction } from "@/lib/action-core";
import { withCreditCodeCheck } from "@/lib/enterprises/credit-code";
import { importEnterprisesDefinition, previewImportDefinition } from "@/lib/enterprises/import/definitions";
import { chunkRows, type ImportRow } from "@/lib/enterprises/import/fields";
import { countStatuses, type ImportRowResult, markInFileDuplicates } from "@/lib/enterprises/import/report";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { loadLocalEnv } from "../app/load-env";

loadLocalEnv();
const total = Number(process.argv[2] ?? 10_000);
const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

const CITIES = ["深圳", "广州", "南京", "苏州", "无锡", "杭州", "宁波", "合肥", "武汉", "成都", "西安", "肇庆"];
const WORDS = ["华", "新", "创", "恒", "瑞", "博", "盛", "远", "达", "通", "科", "越", "宏", "德", "信", "安", "泰", "隆"];
const TRADES = ["新能源", "储能", "电池", "电子", "智能制造", "半导体", "汽车零部件", "光电", "精密机械", "材料"];
const FORMS = ["有限公司", "股份有限公司", "科技有限公司", "集团有限公司"];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "军"];
const TITLES = ["总经理", "董事长", "副总裁", "投资总监", "市场部经理"];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

/** Plausible, mostly unique rows; about 1% with a bad credit code and 1% repeated. */
function generateRows(n: number): ImportRow[] {
  return Array.from({ length: n }, (_, i) => {
    const city = pick(CITIES, i);
    const brand = pick(WORDS, i * 7) + pick(WORDS, Math.floor(i / 18) * 5 + 3) + pick(WORDS, Math.floor(i / 324));
    const serial = i % 100 === 99 ? i - 1 : i; // a repeated row
    const code = withCreditCodeCheck(`91${String(440300 + (serial % 1000)).padStart(6, "0")}MA${String(serial).padStart(7, "0")}`);
    return {
      row: i + 2,
      values: {
        nameZh: `${city}${brand}${pick(TRADES, i)}${serial}号${pick(FORMS, i)}`,
        nameEn: `${city === "深圳" ? "Shenzhen" : "Bench"} ${brand.length}${serial} Technology Co., Ltd.`,
        creditCode: i % 100 === 50 ? "BAD-CODE" : code,
        country: i % 10 === 0 ? "中国" : "CN",
        province: "广东省",
        city,
        website: `www.bench${serial}.example.cn`,
        contactName: pick(SURNAMES, i) + pick(GIVEN, i * 3),
        contactTitle: pick(TITLES, i),
        contactPhone: `138${String(i).padStart(8, "0")}`,
        contactEmail: `contact${i}@bench${serial}.example.cn`,
      },
    };
  });
}

const name = `landfall_bench_${process.pid}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const database = openDatabase({ url: url.toString() });
try {
  await database.migrate();
  const team = await makeTeam(database.db);
  const viewer = await makeViewer(database.db, "staff", team.id);
  const rt = { viewer, db: database.db, t };
  const chunks = chunkRows(generateRows(total));

  const started = performance.now();
  let preview: ImportRowResult[] = [];
  for (const rows of chunks) {
    const result = await runAction(previewImportDefinition, rt, { rows });
    if (!result.ok) throw new Error(result.message);
    preview = preview.concat(result.data.results);
  }
  preview = markInFileDuplicates(preview);
  const previewed = performance.now();

  const toImport = new Set(preview.filter((r) => r.status === "new").map((r) => r.row));
  let imported: ImportRowResult[] = [];
  for (const rows of chunks) {
    const send = rows.filter((r) => toImport.has(r.row));
    if (send.length === 0) continue;
    const result = await runAction(importEnterprisesDefinition, rt, { rows: send });
    if (!result.ok) throw new Error(result.message);
    imported = imported.concat(result.data.results);
  }
  const done = performance.now();

  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`[bench-import] ${total} rows in ${chunks.length} chunks on ${serverUrl.replace(/\/\/[^@]*@/, "//")}`);
  console.log(`[bench-import] dry run: ${seconds(previewed - started)}`, countStatuses(preview));
  console.log(`[bench-import] import:  ${seconds(done - previewed)}`, countStatuses(imported));
  console.log(`[bench-import] total:   ${seconds(done - started)}`);
} finally {
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
