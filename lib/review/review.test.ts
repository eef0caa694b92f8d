import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { STAGES } from "@/db/enums";
import { stableId, seedDemoData } from "@/db/seed";
import type { Viewer } from "@/lib/auth/viewer";
import { addDecimals, roundDecimal } from "@/lib/money";
import { openTestDatabase } from "@/test/support/db";
import type { ReviewFilters } from "./filters";
import {
  getBreakdown, getContractedVsInPlace, getConversion, getFunnel, getMonthlyProgress, getStageDurations, getTargetsVsActuals,
} from "./queries";

// Every figure is checked against SQL written another way: plain correlated subqueries, the stage
// order by array position, month ends as timestamps. Both sides read the same seeded data.

let database: Database;
let staff: Viewer, storageManager: Viewer, admin: Viewer;
const money = (v: string | null | undefined) => roundDecimal(v ?? "0", 2);
const q = <T>(query: SQL) => queryRows<T>(database.db, query);
const CONFIDENTIAL = stableId("project:zq-home-storage");

async function seededViewer(key: string): Promise<Viewer> {
  const id = stableId(`user:${key}`);
  const [u] = await q<{ name: string; email: string; role: Viewer["role"]; team_id: string | null }>(
    sql`select name, email, role, team_id from users where id = ${id}`,
  );
  return { id, name: u!.name, email: u!.email, role: u!.role, teamId: u!.team_id, locale: null };
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
  staff = await seededViewer("staff");
  storageManager = await seededViewer("manager2");
  admin = await seededViewer("admin");
});
afterAll(async () => database?.close());

/** The projects a viewer may see, filtered, as a WHERE clause over alias p. */
function sees(v: Viewer, f: ReviewFilters): SQL {
  const manager = v.role === "manager" && v.teamId !== null;
  return sql`p.deleted_at is null
    and (${v.role === "admin"} or not p.confidential or p.owner_id = ${v.id} or (${manager} and p.team_id is not distinct from ${v.teamId}::uuid))
    and (${f.team}::uuid is null or p.team_id = ${f.team}::uuid)
    and (${f.chain}::uuid is null or exists (select 1 from chain_nodes n where n.id = p.chain_node_id and n.chain_id = ${f.chain}::uuid))`;
}
/** CNY per unit of a currency (a column of alias x), at the latest rate valid today. */
const rateToday = sql.raw(`(case x.currency when 'CNY' then 1 else
  (select r.rate_to_cny from exchange_rates r where r.currency = x.currency and r.deleted_at is null
   and r.valid_from <= (now() at time zone 'Asia/Shanghai')::date order by r.valid_from desc limit 1) end)`);
// Planned amounts in CNY are defined as the board defines its totals: each currency's planned
// amounts summed, converted once and rounded to the fen, then added over the currencies (no longer
// each project rounded on its own). `planned` is that figure for the projects of alias p matching
// `where`; grouped figures below sum per (group, currency) first.
const planned = (where: SQL) => sql`(select sum(round(x.amount * ${rateToday}, 2)) from (
  select p.currency, sum(p.planned_amount) as amount from projects p where ${where} group by p.currency) x)`;
const tranche = sql.raw(`round(t.amount * (case t.currency when 'CNY' then 1 else
  (select r.rate_to_cny from exchange_rates r where r.currency = t.currency and r.deleted_at is null
   and r.valid_from <= t.received_on order by r.valid_from desc limit 1) end), 2)`);
const rank = (col: string) => sql.raw(`array_position(enum_range(null::project_stage), ${col})`);
const applied = sql.raw(`c.state = 'applied' and c.deleted_at is null`);
/** Start of a month in Shanghai, as an instant; month 13 is next January. */
const monthStart = (year: number, month: number) =>
  sql`make_timestamptz(${month > 12 ? year + 1 : year}::int, ${month > 12 ? 1 : month}::int, 1, 0, 0, 0, 'Asia/Shanghai')`;
const signedIn = (year: number, until = 13) =>
  sql`exists (select 1 from stage_changes c where c.project_id = p.id and ${applied} and c.to_stage = 'signed'
    and c.changed_at >= ${monthStart(year, 1)} and c.changed_at < ${monthStart(year, until)})`;

const CASES: [string, () => Viewer, ReviewFilters][] = [
  ["staff of nev, 2025", () => staff, { year: 2025, team: null, chain: null }],
  ["storage manager, 2025", () => storageManager, { year: 2025, team: null, chain: null }],
  ["storage manager, 2026, team storage", () => storageManager, { year: 2026, team: stableId("team:storage"), chain: null }],
  ["admin, 2024, chain nev", () => admin, { year: 2024, team: null, chain: stableId("chain:nev") }],
];

describe.each(CASES)("review figures for %s", (_name, who, f) => {
  it("funnel equals an independent count and sum per stage", async () => {
    const v = who();
    const expected = [];
    for (const stage of STAGES) {
      const [row] = await q<{ count: number; amount: string | null }>(sql`
        select count(*)::int as count, ${planned(sql`${sees(v, f)} and p.stage = ${stage}`)}::text as amount
        from projects p where ${sees(v, f)} and p.stage = ${stage}`);
      expected.push({ stage, count: row!.count, amount: money(row!.amount) });
    }
    const actual = (await getFunnel(database.db, v, f)).map((r) => ({ ...r, amount: money(r.amount) }));
    expect(actual).toEqual(expected);
    expect(actual.some((r) => r.count > 0)).toBe(true);
  });

  it("conversion equals the share of projects reaching the next stage", async () => {
    const v = who();
    const reached = async (i: number) => {
      const [row] = await q<{ n: number }>(sql`select count(*)::int as n from projects p where ${sees(v, f)}
        and exists (select 1 from stage_changes c where c.project_id = p.id and ${applied} and ${rank("c.to_stage")} >= ${i + 1})`);
      return row!.n;
    };
    const counts = await Promise.all(STAGES.map((_, i) => reached(i)));
    const expected = STAGES.slice(0, -1).map((stage, i) => ({
      fromStage: stage, toStage: STAGES[i + 1], reached: counts[i], advanced: counts[i + 1],
    }));
    const actual = await getConversion(database.db, v, f);
    expect(actual.map(({ rate: _rate, ...r }) => r)).toEqual(expected);
    for (const r of actual) {
      if (r.reached === 0) expect(r.rate).toBeNull();
      else expect(Number(r.rate)).toBeCloseTo(r.advanced / r.reached, 4);
    }
  });

  it("median time in stage equals an independent percentile over completed stints", async () => {
    const v = who();
    const expected = await q<{ stage: string; stints: number; medianDays: string }>(sql`
      select x.stage::text as stage, count(*)::int as stints,
        round((percentile_cont(0.5) within group (order by x.days))::numeric, 1)::text as "medianDays"
      from (select c.to_stage as stage, extract(epoch from (
              select min(c2.changed_at) from stage_changes c2 where c2.project_id = c.project_id and c2.state = 'applied'
                and c2.deleted_at is null and c2.changed_at > c.changed_at) - c.changed_at) / 86400.0 as days
            from stage_changes c join projects p on p.id = c.project_id where ${applied} and ${sees(v, f)}) x
      where x.days is not null group by x.stage order by ${rank("x.stage")}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(await getStageDurations(database.db, v, f)).toEqual(expected);
  });

  it.each([
    ["team", "p.team_id"],
    ["owner", "p.owner_id"],
    ["chain", "(select n.chain_id from chain_nodes n where n.id = p.chain_node_id)"],
  ] as const)("breakdown by %s equals an independent group", async (by, keyExpr) => {
    const v = who();
    const expected = await q<{ key: string | null; count: number; amount: string | null; signedInYear: number }>(sql`
      select x.key, sum(x.n)::int as count, sum(round(x.amount * ${rateToday}, 2))::text as amount, sum(x.signed)::int as "signedInYear"
      from (select g.key, g.currency, count(*) as n, sum(g.amount) as amount, sum(g.signed) as signed
            from (select ${sql.raw(keyExpr)}::text as key, p.currency, p.planned_amount as amount, case when ${signedIn(f.year)} then 1 else 0 end as signed
                  from projects p where ${sees(v, f)}) g group by g.key, g.currency) x
      group by x.key`);
    const norm = (rows: { key: string | null; count: number; amount: string | null; signedInYear: number }[]) =>
      rows.map((r) => ({ key: r.key, count: r.count, amount: money(r.amount), signedInYear: r.signedInYear }))
        .sort((a, b) => String(a.key).localeCompare(String(b.key)));
    expect(norm(await getBreakdown(database.db, v, f, by))).toEqual(norm(expected));
  });

  it("targets against actuals equal independent sums", async () => {
    const v = who();
    const [e] = await q<Record<string, string | number | null>>(sql`select
      (select sum(signed_amount)::text from targets where year = ${f.year} and deleted_at is null and (${f.team}::uuid is null or team_id = ${f.team}::uuid)) as ts,
      (select sum(funds_in_place)::text from targets where year = ${f.year} and deleted_at is null and (${f.team}::uuid is null or team_id = ${f.team}::uuid)) as tf,
      (select coalesce(sum(projects_signed), 0)::int from targets where year = ${f.year} and deleted_at is null and (${f.team}::uuid is null or team_id = ${f.team}::uuid)) as tps,
      (select coalesce(sum(projects_started), 0)::int from targets where year = ${f.year} and deleted_at is null and (${f.team}::uuid is null or team_id = ${f.team}::uuid)) as tpst,
      (select ${planned(sql`${sees(v, f)} and ${signedIn(f.year)}`)}::text) as sa,
      (select count(*)::int from projects p where ${sees(v, f)} and ${signedIn(f.year)}) as ps,
      (select count(*)::int from stage_changes c join projects p on p.id = c.project_id where ${sees(v, f)} and ${applied}
        and c.to_stage = 'construction' and c.changed_at >= ${monthStart(f.year, 1)} and c.changed_at < ${monthStart(f.year, 13)}) as pst,
      (select sum(${tranche})::text from fund_tranches t join projects p on p.id = t.project_id where ${sees(v, f)}
        and t.deleted_at is null and t.received_on between make_date(${f.year}::int, 1, 1) and make_date(${f.year}::int, 12, 31)) as fip`);
    const a = await getTargetsVsActuals(database.db, v, f);
    expect({ ...a, targetSignedAmount: money(a.targetSignedAmount), targetFundsInPlace: money(a.targetFundsInPlace),
      signedAmount: money(a.signedAmount), fundsInPlace: money(a.fundsInPlace) }).toEqual({
      targetSignedAmount: money(e!.ts as string), targetFundsInPlace: money(e!.tf as string),
      targetProjectsSigned: e!.tps, targetProjectsStarted: e!.tpst,
      signedAmount: money(e!.sa as string), fundsInPlace: money(e!.fip as string), projectsSigned: e!.ps, projectsStarted: e!.pst,
    });
  });

  it("month-by-month progress equals cumulative sums up to each month end", async () => {
    const v = who();
    const expected = [];
    for (let month = 1; month <= 12; month++) {
      const [e] = await q<{ sa: string | null; fip: string | null; ps: number; pst: number }>(sql`select
        (select ${planned(sql`${sees(v, f)} and ${signedIn(f.year, month + 1)}`)}::text) as sa,
        (select sum(${tranche})::text from fund_tranches t join projects p on p.id = t.project_id where ${sees(v, f)}
          and t.deleted_at is null and t.received_on >= make_date(${f.year}::int, 1, 1)
          and t.received_on < make_date(${f.year}::int, 1, 1) + make_interval(months => ${month}::int)) as fip,
        (select count(*)::int from projects p where ${sees(v, f)} and ${signedIn(f.year, month + 1)}) as ps,
        (select count(*)::int from stage_changes c join projects p on p.id = c.project_id where ${sees(v, f)} and ${applied}
          and c.to_stage = 'construction' and c.changed_at >= ${monthStart(f.year, 1)} and c.changed_at < ${monthStart(f.year, month + 1)}) as pst`);
      expected.push({ month, signedAmount: money(e!.sa), fundsInPlace: money(e!.fip), projectsSigned: e!.ps, projectsStarted: e!.pst });
    }
    const actual = (await getMonthlyProgress(database.db, v, f)).map((r) => ({
      ...r, signedAmount: money(r.signedAmount), fundsInPlace: money(r.fundsInPlace),
    }));
    expect(actual).toEqual(expected);
  });

  it("contracted against funds in place equals independent per-team sums", async () => {
    const v = who();
    const expected = await q<{ key: string | null; projects: number; contracted: string | null; inPlace: string | null }>(sql`
      select x.key, sum(x.n)::int as projects, sum(round(x.amount * ${rateToday}, 2))::text as contracted, sum(x.paid)::text as "inPlace"
      from (select p.team_id::text as key, p.currency, count(*) as n, sum(p.planned_amount) as amount,
              sum((select sum(${tranche}) from fund_tranches t where t.project_id = p.id and t.deleted_at is null)) as paid
            from projects p where ${sees(v, f)} and ${rank("p.stage")} >= ${STAGES.indexOf("signed") + 1} group by p.team_id, p.currency) x
      group by x.key`);
    const norm = (rows: { key: string | null; projects: number; contracted: string | null; inPlace: string | null }[]) =>
      rows.map((r) => ({ key: r.key, projects: r.projects, contracted: money(r.contracted), inPlace: money(r.inPlace) }))
        .sort((x, y) => String(x.key).localeCompare(String(y.key)));
    expect(norm(await getContractedVsInPlace(database.db, v, f))).toEqual(norm(expected));
  });
});

describe("confidential projects", () => {
  const all: ReviewFilters = { year: 2025, team: null, chain: null };
  const storageRow = async (v: Viewer) =>
    (await getBreakdown(database.db, v, all, "team")).find((r) => r.key === stableId("team:storage"));

  it("a staff user of another team does not count a confidential storage project; the storage manager does", async () => {
    const [project] = await q<{ amount: string; confidential: boolean; stage: string }>(
      sql`select planned_amount::text as amount, confidential, stage::text as stage from projects where id = ${CONFIDENTIAL}`,
    );
    expect(project).toMatchObject({ confidential: true, stage: "intent" });
    const [forStaff, forManager] = [await storageRow(staff), await storageRow(storageManager)];
    expect(forManager!.count).toBe((forStaff?.count ?? 0) + 1);
    expect(money(forManager!.amount)).toBe(money(addDecimals(forStaff?.amount ?? "0", project!.amount)));
    const intent = async (v: Viewer) => (await getFunnel(database.db, v, all)).find((r) => r.stage === "intent")!.count;
    expect(await intent(storageManager)).toBe((await intent(staff)) + 1);
  });
});
