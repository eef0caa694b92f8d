// Loads the province-scale benchmark data set into a fresh PostgreSQL database:
// 200k enterprises (Chinese and foreign names, 1–2 contacts each), 100k projects across every
// stage and status with their stage history, 1M visits, 680k follow-ups, 300 people in 20 teams,
// on top of the demo data (reference data, demo accounts).
//
//   npm run seed:scale                       # landfall_bench on the local server (or DATABASE_URL's server)
//   npm run seed:scale -- --scale 0.005      # the tiny CI data set
//   npm run seed:scale -- --db landfall_x    # another database name
//
// Deterministic: every row comes from its row number (ids are uuids made from the md5 of "kind:n"); only dates are
// placed relative to the day of loading (`--today YYYY-MM-DD` fixes that too), so "My day" has
// work due. The database is dropped and created again each time.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { openDatabase } from "@/db";
import { seedDemoData } from "@/db/seed";
import { searchColumns } from "@/lib/enterprises/search-index";
import { shanghaiDay } from "@/lib/time";
import { enterpriseAt, rng } from "./names";
import { recreateDatabase, targetUrl } from "./target";

export interface ScaleOptions {
  url: string;
  name: string;
  scale: number;
  today: string;
  log?: (line: string) => void;
}

export interface ScaleCounts {
  teams: number;
  users: number;
  enterprises: number;
  projects: number;
  visits: number;
  followUps: number;
}

export function countsFor(scale: number): ScaleCounts {
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const teams = scale >= 0.5 ? 20 : 4;
  return { teams, users: teams * 15, enterprises: n(200_000), projects: n(100_000), visits: n(1_000_000), followUps: n(680_000) };
}

/** A version-4-shaped uuid from the md5 of a key; pg_temp.uid below computes the same in SQL. */
export function md5Uuid(key: string): string {
  const md5 = createHash("md5").update(key).digest("hex");
  const h = `${md5.slice(0, 12)}4${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const BULK_TABLES = ["enterprises", "contacts", "enterprise_chain_nodes", "projects", "stage_changes", "visits", "follow_ups"];

function copyText(value: string | number | null): string {
  if (value === null) return "\\N";
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

function pgArray(items: readonly string[]): string {
  return `{${items.map((s) => (/^[\p{L}\p{N}]+$/u.test(s) ? s : `"${s.replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;
}

/** Enterprises and contacts, generated here so search terms and name keys come from the app's own code. */
async function copyEnterprises(sql: postgres.Sql, c: ScaleCounts, anchor: number) {
  const FIVE_YEARS = 5 * 365 * 86_400_000;
  const contactLines: string[] = [];
  function* rows() {
    let chunk: string[] = [];
    for (let i = 1; i <= c.enterprises; i++) {
      const e = enterpriseAt(i);
      const r = rng(i * 40503 + 17);
      const team = 1 + (i % c.teams);
      const owner = (team - 1) * 15 + 2 + ((i * 7) % 14);
      const ownerId = md5Uuid(`u:${owner}`);
      const created = new Date(anchor - Math.floor(r() * FIVE_YEARS));
      const updated = new Date(Math.min(anchor, created.getTime() + Math.floor(r() * 90 * 86_400_000)));
      const { nameKey, nameKeys, searchTerms } = searchColumns(e, e.contacts.map((p) => p.name));
      const id = md5Uuid(`e:${i}`);
      chunk.push(
        [id, created.toISOString(), updated.toISOString(), ownerId, ownerId, 1, ownerId, md5Uuid(`t:${team}`), e.nameZh, e.nameEn,
          e.creditCode, e.country, e.province, e.city, e.size, e.ownership, e.website, nameKey]
          .map(copyText).join("\t") + `\t${copyText(pgArray(nameKeys))}\t${copyText(pgArray(searchTerms))}\n`,
      );
      e.contacts.forEach((p, k) => {
        contactLines.push([md5Uuid(`k:${i}:${k}`), created.toISOString(), created.toISOString(), ownerId, ownerId, id, p.name, p.title, p.phone, p.email]
          .map(copyText).join("\t") + "\n");
      });
      if (chunk.length === 2000) {
        yield chunk.join("");
        chunk = [];
      }
    }
    if (chunk.length) yield chunk.join("");
  }
  const enterpriseCopy = await sql`copy enterprises (id, created_at, updated_at, created_by, updated_by, version, owner_id, team_id,
    name_zh, name_en, credit_code, country, province, city, size, ownership, website, name_key, name_keys, search_terms) from stdin`.writable();
  await pipeline(Readable.from(rows()), enterpriseCopy);
  const contactCopy = await sql`copy contacts (id, created_at, updated_at, created_by, updated_by, enterprise_id, name, title, phone, email) from stdin`.writable();
  async function* contactChunks() {
    for (let i = 0; i < contactLines.length; i += 5000) yield contactLines.slice(i, i + 5000).join("");
  }
  await pipeline(Readable.from(contactChunks()), contactCopy);
  return contactLines.length;
}

export async function seedScale(opts: ScaleOptions): Promise<ScaleCounts & { contacts: number; stageChanges: number; seconds: number }> {
  const log = opts.log ?? ((line: string) => console.log(`[seed:scale] ${line}`));
  const started = Date.now();
  const c = countsFor(opts.scale);
  const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await run();
    log(`${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return result;
  };

  await step(`recreated database ${opts.name}`, () => recreateDatabase(opts.url, opts.name));
  await step("migrated and loaded the demo data", async () => {
    const database = openDatabase({ url: opts.url });
    try {
      await database.migrate();
      await seedDemoData(database.db);
    } finally {
      await database.close();
    }
  });

  // One connection: the temporary helpers below live in its session.
  const sql = postgres(opts.url, { max: 1, onnotice: () => {}, idle_timeout: 0 });
  try {
    await sql.unsafe(`set session_replication_role = replica`); // rows are consistent by construction: skip FK triggers
    await sql.unsafe(`set synchronous_commit = off`);
    await sql.unsafe(`set maintenance_work_mem = '512MB'`);
    await sql.unsafe(`create function pg_temp.h(key text) returns bigint language sql immutable parallel safe
      as $$ select ('x' || substr(md5(key), 1, 12))::bit(48)::bigint $$`);
    await sql.unsafe(`create function pg_temp.uid(key text) returns uuid language sql immutable parallel safe
      as $$ select overlay(overlay(md5(key) placing '4' from 13) placing '8' from 17)::uuid $$`);
    const anchorIso = `${opts.today}T09:00:00+08:00`;
    const anchor = Date.parse(anchorIso);
    const P = { T: c.teams, U: c.users, E: c.enterprises, P: c.projects, V: c.visits, F: c.followUps };
    const params = (s: string) =>
      s.replace(/:(T|U|E|P|V|F)\b/g, (_, k: keyof typeof P) => String(P[k])).replaceAll(":anchor", `'${anchorIso}'::timestamptz`).replaceAll(":today", `'${opts.today}'::date`);

    // Secondary indexes are built once after the load, which is much faster than maintaining them row by row.
    const indexes = await sql<{ name: string; def: string }[]>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class t on t.oid = i.indrelid
      where t.relname = any(${BULK_TABLES}) and t.relnamespace = 'public'::regnamespace
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
    for (const ix of indexes) await sql.unsafe(`drop index ${ix.name}`);

    await step(`${c.teams} teams, ${c.users} people`, () => sql.unsafe(params(`
      insert into teams (id, code, name_zh, name_en, created_at, updated_at)
      select pg_temp.uid('t:' || k), 'bench-' || lpad(k::text, 2, '0'),
        (array['深圳','杭州','苏州','合肥','武汉','成都','西安','宁波','无锡','南京'])[1 + (k - 1) % 10] || '招商' || k || '组',
        'Investment team ' || k, :anchor - interval '3 years', :anchor - interval '3 years'
      from generate_series(1, :T) k;
      insert into users (id, name, email, role, team_id, locale, created_at, updated_at)
      select pg_temp.uid('u:' || n),
        (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + n % 10] || (array['伟','芳','敏','静','磊','强','洋','艳','军','杰','涛','明'])[1 + (n / 10) % 12] || n,
        'bench.u' || lpad(n::text, 3, '0') || '@landfall.example',
        (case when (n - 1) % 15 = 0 then 'manager' else 'staff' end)::role,
        pg_temp.uid('t:' || ((n - 1) / 15 + 1)), case when n % 4 = 0 then 'en' else 'zh-CN' end,
        :anchor - interval '3 years', :anchor - interval '3 years'
      from generate_series(1, :U) n;`)));

    const contacts = await step(`${c.enterprises} enterprises with contacts and search terms`, () => copyEnterprises(sql, c, anchor));

    await step("enterprise chain nodes", () => sql.unsafe(params(`
      with nodes as (select array_agg(id order by code) as a, count(*)::int as n from chain_nodes)
      insert into enterprise_chain_nodes (enterprise_id, chain_node_id, created_at)
      select pg_temp.uid('e:' || i), a[1 + pg_temp.h('en:' || i) % n], :anchor from generate_series(1, :E) i, nodes
      union all
      select pg_temp.uid('e:' || i), a[1 + (pg_temp.h('en:' || i) + 1) % n], :anchor from generate_series(1, :E) i, nodes
      where pg_temp.h('eo:' || i) % 10 < 3`)));

    await step(`${c.projects} projects`, async () => {
      await sql.unsafe(params(`
        create temp table gp as
        with g as (select i, pg_temp.h('p:' || i) as h1, pg_temp.h('q:' || i) as h2, pg_temp.h('r:' || i) as h3 from generate_series(1, :P) i),
        s as (
          select i, h1, h2, h3, 1 + (h1 >> 8) % :E as ent, 1 + h1 % :T as team,
            case when h2 % 100 < 30 then 1 when h2 % 100 < 50 then 2 when h2 % 100 < 63 then 3 when h2 % 100 < 73 then 4
                 when h2 % 100 < 82 then 5 when h2 % 100 < 88 then 6 when h2 % 100 < 93 then 7 when h2 % 100 < 97 then 8 else 9 end as ord,
            :anchor - make_interval(secs => (h3 % (3 * 365 * 86400))::float8) as created
          from g)
        select s.*, pg_temp.uid('p:' || i) as id, pg_temp.uid('u:' || ((team - 1) * 15 + 2 + (h1 >> 20) % 14)) as owner,
          pg_temp.uid('u:' || ((team - 1) * 15 + 1)) as manager, pg_temp.uid('t:' || team) as team_id
        from s`));
      await sql.unsafe(params(`
        with nodes as (select array_agg(id order by code) as a, count(*)::int as n from chain_nodes)
        insert into projects (id, created_at, updated_at, created_by, updated_by, version, owner_id, team_id, enterprise_id, name,
          chain_node_id, stage, status, lost_reason, planned_amount, currency, expected_jobs, land_mu, confidential, stage_changed_at,
          signed_on, agreed_start_months)
        select id, created, created + (:anchor - created) * ((ord - 1)::float8 / ord), owner, owner, ord, owner, team_id, pg_temp.uid('e:' || ent),
          (array['动力电池','储能电站','智能工厂','研发中心','区域总部','生产基地','零部件','数据中心'])[1 + (h3 >> 8) % 8] || '项目 ' || i,
          a[1 + (h3 >> 12) % n], (enum_range(null::project_stage))[ord],
          (case when (h2 >> 8) % 100 < 78 then 'active' when (h2 >> 8) % 100 < 88 then 'delayed' when (h2 >> 8) % 100 < 95 then 'dormant' else 'lost' end)::project_status,
          case when (h2 >> 8) % 100 >= 95 then '企业转投其他地区' end,
          round((500000 + (h1 >> 24) % 5000000000)::numeric, 2),
          case when (h2 >> 16) % 100 < 90 then 'CNY' when (h2 >> 16) % 100 < 95 then 'USD' when (h2 >> 16) % 100 < 98 then 'EUR' else 'HKD' end,
          (50 + (h3 >> 16) % 2000)::int, round(((h3 >> 20) % 50000)::numeric / 100, 2),
          (h2 >> 24) % 100 < 3,
          created + (:anchor - created) * ((ord - 1)::float8 / ord),
          case when ord >= 5 then ((created + (:anchor - created) * (4::float8 / ord)) at time zone 'Asia/Shanghai')::date end,
          case when ord >= 5 then 12 end
        from gp, nodes`));
    });

    const stageChanges = await step("stage history", async () => {
      const applied = await sql.unsafe(params(`
        insert into stage_changes (id, created_at, updated_at, created_by, updated_by, project_id, from_stage, to_stage, state, reason,
          changed_by, changed_at, verified_by, verified_at)
        select pg_temp.uid('c:' || gp.i || ':' || k), at, at, owner, owner, id,
          case when k > 1 then (enum_range(null::project_stage))[k - 1] end, (enum_range(null::project_stage))[k], 'applied',
          case when k = 1 then '新线索' end, case when k >= 6 then manager else owner end, at,
          case when k >= 6 then manager end, case when k >= 6 then at end
        from gp cross join lateral generate_series(1, ord) k
          cross join lateral (select created + (:anchor - created) * ((k - 1)::float8 / ord) as at) t`));
      const pending = await sql.unsafe(params(`
        insert into stage_changes (id, created_at, updated_at, created_by, updated_by, project_id, from_stage, to_stage, state, reason, changed_by, changed_at)
        select pg_temp.uid('c:' || i || ':pending'), :anchor - interval '1 day', :anchor - interval '1 day', owner, owner, id,
          (enum_range(null::project_stage))[ord], (enum_range(null::project_stage))[ord + 1], 'pending', '申请核验', owner, :anchor - interval '1 day'
        from gp where ord between 5 and 8 and h3 % 40 = 0`));
      return applied.count + pending.count;
    });

    await step(`${c.visits} visits`, () => sql.unsafe(params(`
      insert into visits (id, created_at, updated_at, created_by, updated_by, owner_id, team_id, enterprise_id, occurred_at, place, summary, outcome)
      select pg_temp.uid('v:' || i), occ, occ, u, u, u, pg_temp.uid('t:' || ((n - 1) / 15 + 1)), pg_temp.uid('e:' || (1 + h1 % :E)), occ,
        (array['企业总部','生产基地','研发中心','招商局会议室','线上会议','展会现场'])[1 + (h1 >> 8) % 6],
        (array['介绍本地产业政策与配套，企业关注用地与人才。','参观生产线，讨论扩产计划与投资节奏。','就设立区域总部交换意见，约定下次会谈。',
               '企业提出能耗指标与供电保障需求。','讨论供应链本地配套与物流方案。'])[1 + (h1 >> 12) % 5],
        (array['积极','观望','需跟进','已提交材料'])[1 + (h1 >> 16) % 4]
      from (select i, pg_temp.h('v:' || i) as h1, 1 + pg_temp.h('w:' || i) % :U as n,
              pg_temp.uid('u:' || (1 + pg_temp.h('w:' || i) % :U)) as u,
              :anchor - make_interval(secs => (pg_temp.h('x:' || i) % (3 * 365 * 86400))::float8) as occ
            from generate_series(1, :V) i) v`)));

    await step(`${c.followUps} follow-ups`, () => sql.unsafe(params(`
      insert into follow_ups (id, created_at, updated_at, created_by, updated_by, team_id, enterprise_id, project_id, kind, title,
        assignee_id, due_on, status, outcome, completed_at)
      select pg_temp.uid('f:' || f.i), made, made, f.u, f.u, pg_temp.uid('t:' || ((f.n - 1) / 15 + 1)),
        coalesce(pg_temp.uid('e:' || gp.ent), pg_temp.uid('e:' || (1 + f.h1 % :E))), gp.id,
        (enum_range(null::follow_up_kind))[1 + (f.h1 >> 8) % 6],
        (array['电话回访','寄送园区资料','安排实地考察','确认投资意向书','跟进用地需求','邀请参加推介会'])[1 + (f.h1 >> 12) % 6],
        f.u, due, st::follow_up_status, case when st = 'done' then '已完成' end,
        case when st = 'done' then (due::timestamp + interval '10 hours') at time zone 'Asia/Shanghai' end
      from (select i, h1, n, pg_temp.uid('u:' || n) as u, due,
              (due::timestamp - interval '10 days') at time zone 'Asia/Shanghai' as made,
              case when due >= :today - 14 then 'open' when h2 % 100 < 92 then 'done' when h2 % 100 < 97 then 'open' else 'cancelled' end as st,
              case when (h1 >> 20) % 10 < 4 then 1 + (h1 >> 24) % :P end as proj
            from (select i, pg_temp.h('f:' || i) as h1, pg_temp.h('g:' || i) as h2, 1 + pg_temp.h('a:' || i) % :U as n,
                    :today + ((pg_temp.h('f:' || i) % 400) - 370)::int as due
                  from generate_series(1, :F) i) g) f
      left join gp on gp.i = f.proj`)));

    await step(`${indexes.length} secondary indexes`, async () => {
      for (const ix of indexes) await sql.unsafe(ix.def);
    });
    await sql.unsafe(`reset session_replication_role`);
    await step("vacuum analyze", () => sql.unsafe(`vacuum (analyze) ${[...BULK_TABLES, "users", "teams"].join(", ")}`));
    return { ...c, contacts, stageChanges, seconds: (Date.now() - started) / 1000 };
  } finally {
    await sql.end();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(arg("scale") ?? 1);
  if (!(scale > 0 && scale <= 5)) throw new Error("--scale must be a number in (0, 5]");
  const { url, name } = targetUrl(arg("url"), arg("db") ?? (scale < 0.5 ? "landfall_bench_smoke" : "landfall_bench"));
  const today = arg("today") ?? shanghaiDay();
  const result = await seedScale({ url, name, scale, today });
  console.log(`[seed:scale] ${name}: ${JSON.stringify(result)}`);
}
