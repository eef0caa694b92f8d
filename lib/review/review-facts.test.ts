import { eq, sql, type SQL } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "@/db";
import { projects, STAGES, targets } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { shanghaiDay, shanghaiYear } from "@/lib/time";
import { roundDecimal } from "@/lib/money";
import { addFundTranche } from "@/lib/projects/actions/add-tranche";
import { createProject } from "@/lib/projects/actions/create-project";
import { decideStageRequest } from "@/lib/projects/actions/decide-stage-request";
import { deleteFundTranche } from "@/lib/projects/actions/delete-tranche";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { setProjectStatus } from "@/lib/projects/actions/set-status";
import { updateProject } from "@/lib/projects/actions/update-project";
import { INITIAL_STAGES } from "@/lib/projects/stages";
import { makeEnterprise, makeRate, pdfFile } from "@/test/support/project-fixtures";
import { projectFormValues } from "@/lib/projects/values";
import { openTestDatabase } from "@/test/support/db";
import { makeTwoTeams, type TwoTeams } from "@/test/support/two-teams";
import { t } from "@/test/support/fixtures";
import type { ReviewFilters } from "./filters";
import {
  getBreakdown, getContractedVsInPlace, getConversion, getFunnel, getMonthlyProgress, getStageDurations, getTargetsVsActuals,
} from "./queries";

// The review's figures come from project_totals and review_facts, kept by triggers. After random
// sequences of writes (through the actions where one exists, raw SQL for the rest: history
// imported or backdated, changes and tranches deleted, projects deleted and restored, rates
// added, corrected and withdrawn, bulk fixes), every figure, for several people and filters, must
// equal SQL written afresh over projects, stage_changes, fund_tranches and exchange_rates; and
// review_facts must equal what its rebuild writes.

let database: Database;
const q = <T>(query: SQL) => queryRows<T>(database.db, query);
const today = shanghaiDay();
const YEAR = shanghaiYear();
const dayBefore = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

type People = TwoTeams["people"];
let people: People;
let teamA: string, teamB: string;
let chain: string, otherChain: string;
let nodes: string[];
let enterpriseA: string, enterpriseB: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  ({ teamA, teamB, people, chain, otherChain, nodes } = await makeTwoTeams(db));
  enterpriseA = (await makeEnterprise(db, teamA)).id;
  enterpriseB = (await makeEnterprise(db, teamB)).id;
  await makeRate(db, "EUR", "7.81234567", "2020-01-01");
  await makeRate(db, "USD", "7.10000001", "2020-01-01");
  // JPY has only a rate that is not valid yet: its amounts are in no CNY figure until one is added.
  await makeRate(db, "JPY", "0.05000000", "2999-01-01");
  await db.insert(targets).values([
    { year: YEAR, teamId: teamA, signedAmount: "500000000", fundsInPlace: "100000000", projectsSigned: 5, projectsStarted: 2 },
    { year: YEAR - 1, teamId: teamA, signedAmount: "300000000", fundsInPlace: "50000000", projectsSigned: 3, projectsStarted: 1 },
    { year: YEAR, teamId: teamB, signedAmount: "200000000", fundsInPlace: "10000000", projectsSigned: 2, projectsStarted: 1 },
  ]);
});
afterAll(() => database?.close());

type Result = { ok: true; data: unknown } | { ok: false; message: string };
// Refusals are part of the sequences (someone who may not, a version not seen): they change nothing.
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;

/* ───────────── the writes ───────────── */

const actor = fc.constantFrom<keyof People>("staffA", "staffA2", "managerA", "staffB", "managerB", "admin");
/** Who writes to a project: mostly someone who may (its owner, its team's manager, an admin), sometimes someone who may not. */
const writer = fc.constantFrom("owner", "owner", "teamManager", "admin", "admin", "staffB");
type Writer = typeof writer extends fc.Arbitrary<infer T> ? T : never;
const amount = fc.option(fc.constantFrom("0.01", "1.5", "123.45", "99999.99", "7", "3.333"), { nil: undefined });
const unit = fc.constantFrom("yuan", "wan", "yi");
const currency = fc.constantFrom("CNY", "CNY", "EUR", "USD", "JPY");
const pick = fc.nat({ max: 10_000 });
const node = fc.option(fc.nat({ max: 2 }), { nil: undefined });
/** How far back an event is moved: up to about two and a half years, to the second. */
const back = fc.record({ days: fc.integer({ min: 0, max: 900 }), secs: fc.nat({ max: 86_399 }) });

const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("create" as const), who: actor, stage: fc.constantFrom(...INITIAL_STAGES), amount, unit, currency, confidential: fc.boolean(), node }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("move" as const), who: writer, project: pick, to: fc.constantFrom(...STAGES), stale: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("decide" as const), who: fc.constantFrom<keyof People>("managerA", "managerB", "admin"), request: pick, approve: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("status" as const), who: writer, project: pick, status: fc.constantFrom("active", "delayed", "dormant", "lost") }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      who: writer,
      project: pick,
      amount,
      unit,
      currency,
      confidential: fc.boolean(),
      node,
      owner: fc.constantFrom<keyof People | null>(null, null, "staffA", "staffA2", "staffB"),
      team: fc.constantFrom<"A" | "B" | null>(null, "A", "B"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("softDelete" as const), project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restore" as const), project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hardDelete" as const), project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bulkTeam" as const), stage: fc.constantFrom(...STAGES), toB: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("backdate" as const), change: pick, back }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("history" as const),
      rows: fc.array(fc.record({ project: pick, to: fc.constantFrom(...STAGES), back, rejected: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropChange" as const), change: pick, hard: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("tranche" as const), who: writer, project: pick, days: fc.integer({ min: 0, max: 900 }), amount: fc.constantFrom("1", "12.34", "500"), unit, currency }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("rawTranche" as const), project: pick, days: fc.integer({ min: 0, max: 900 }), currency }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("redateTranche" as const), tranche: pick, days: fc.integer({ min: 0, max: 900 }), currency }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropTranche" as const), tranche: pick, viaAction: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("rate" as const),
      currency: fc.constantFrom("EUR", "USD", "JPY"),
      days: fc.integer({ min: -30, max: 900 }),
      rate: fc.constantFrom("7.5", "7.91234567", "6.88", "0.048", "0.05123"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropRate" as const), rate: pick }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

type Row = { id: string; version: number; deleted: boolean; owner_id: string | null; team_id: string | null };
const allProjects = () => q<Row>(sql`select id, version, deleted_at is not null as deleted, owner_id, team_id from projects order by id`);
const nth = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
const ago = (b: { days: number; secs: number }) => sql`make_interval(days => ${b.days}::int, secs => ${b.secs}::int)`;

function resolve(who: Writer, p: Row): Viewer {
  if (who === "owner") return Object.values(people).find((v) => v.id === p.owner_id) ?? people.admin;
  if (who === "teamManager") return p.team_id === teamB ? people.managerB : people.managerA;
  return people[who];
}

async function apply(o: Op): Promise<void> {
  const all = await allProjects();
  const live = all.filter((p) => !p.deleted);
  switch (o.kind) {
    case "create": {
      const who = people[o.who];
      await run(createProject, who, {
        enterpriseId: who.teamId === teamB ? enterpriseB : enterpriseA,
        name: `项目 ${Math.random()}`,
        stage: o.stage,
        ...(o.stage === "signed" ? { signedOn: today, plannedAmount: o.amount ?? "3", plannedUnit: o.unit } : { plannedAmount: o.amount, plannedUnit: o.unit }),
        currency: o.currency,
        confidential: o.confidential ? "on" : "",
        chainNodeId: o.node === undefined ? "" : nodes[o.node],
      });
      return;
    }
    case "move": {
      const p = nth(live, o.project);
      if (!p) return;
      await run(moveProjectStage, resolve(o.who, p), {
        id: p.id, version: o.stale ? p.version + 1 : p.version, toStage: o.to, reason: "调整", evidence: pdfFile(), signedOn: today, signedAmount: "2", signedUnit: "wan",
      });
      return;
    }
    case "decide": {
      const pending = await q<{ id: string }>(sql`select id from stage_changes where state = 'pending' and deleted_at is null order by id`);
      const request = nth(pending, o.request);
      if (!request) return;
      await run(decideStageRequest, people[o.who], o.approve
        ? { requestId: request.id, decision: "approve", evidence: pdfFile(), signedOn: today, signedAmount: "5", signedUnit: "wan" }
        : { requestId: request.id, decision: "reject", note: "材料不全" });
      return;
    }
    case "status": {
      const p = nth(live, o.project);
      if (p) await run(setProjectStatus, resolve(o.who, p), { id: p.id, version: p.version, status: o.status, reason: "企业暂停" });
      return;
    }
    case "edit": {
      const p = nth(live, o.project);
      if (!p) return;
      const [row] = await database.db.select().from(projects).where(eq(projects.id, p.id));
      const values = projectFormValues(row!);
      await run(updateProject, resolve(o.who, p), {
        ...values,
        id: p.id,
        version: p.version,
        plannedAmount: o.amount ?? "",
        plannedUnit: o.unit,
        currency: o.currency,
        confidential: o.confidential ? "on" : "",
        chainNodeId: o.node === undefined ? "" : nodes[o.node],
        ownerId: o.owner ? people[o.owner].id : values.ownerId,
        teamId: o.team === "A" ? teamA : o.team === "B" ? teamB : values.teamId,
        lostReason: values.lostReason || "流失",
      });
      return;
    }
    case "softDelete": {
      const p = nth(live, o.project);
      if (p) await q(sql`update projects set deleted_at = now(), version = version + 1 where id = ${p.id}`);
      return;
    }
    case "restore": {
      const p = nth(all.filter((x) => x.deleted), o.project);
      if (p) await q(sql`update projects set deleted_at = null, version = version + 1 where id = ${p.id}`);
      return;
    }
    case "hardDelete": {
      const p = nth(all, o.project);
      if (p) await q(sql`delete from projects where id = ${p.id}`);
      return;
    }
    case "bulkTeam": {
      // One statement moving many projects (and so many projects' facts) to the other team.
      const [from, to] = o.toB ? [teamA, teamB] : [teamB, teamA];
      await q(sql`update projects set team_id = ${to}, version = version + 1 where team_id = ${from} and stage = ${o.stage}::project_stage`);
      return;
    }
    case "backdate": {
      const changes = await q<{ id: string }>(sql`select id from stage_changes where state = 'applied' order by id`);
      const c = nth(changes, o.change);
      if (c) await q(sql`update stage_changes set changed_at = changed_at - ${ago(o.back)} where id = ${c.id}`);
      return;
    }
    case "history": {
      // Imported history: several projects' changes in one statement, some of them rejected requests.
      const values = o.rows.flatMap((r) => {
        const p = nth(all, r.project);
        return p ? [sql`(${p.id}::uuid, ${r.to}::project_stage, ${r.rejected ? "rejected" : "applied"}::stage_change_state, now() - ${ago(r.back)})`] : [];
      });
      if (values.length) await q(sql`insert into stage_changes (project_id, to_stage, state, changed_at) values ${sql.join(values, sql`, `)}`);
      return;
    }
    case "dropChange": {
      const changes = await q<{ id: string }>(sql`select id from stage_changes where deleted_at is null order by id`);
      const c = nth(changes, o.change);
      if (c) await q(o.hard ? sql`delete from stage_changes where id = ${c.id}` : sql`update stage_changes set deleted_at = now() where id = ${c.id}`);
      return;
    }
    case "tranche": {
      const p = nth(live, o.project);
      if (!p) return;
      await run(addFundTranche, resolve(o.who, p), { projectId: p.id, receivedOn: dayBefore(o.days), amount: o.amount, unit: o.unit, currency: o.currency, note: "" });
      return;
    }
    case "rawTranche": {
      const p = nth(all, o.project);
      if (p) await q(sql`insert into fund_tranches (project_id, received_on, amount, currency) values (${p.id}, ${dayBefore(o.days)}::date, 1234.56, ${o.currency})`);
      return;
    }
    case "redateTranche": {
      const tranches = await q<{ id: string }>(sql`select id from fund_tranches order by id`);
      const tr = nth(tranches, o.tranche);
      if (tr) await q(sql`update fund_tranches set received_on = ${dayBefore(o.days)}::date, currency = ${o.currency}, version = version + 1 where id = ${tr.id}`);
      return;
    }
    case "dropTranche": {
      const tranches = await q<{ id: string; version: number; team_id: string | null }>(sql`
        select ft.id, ft.version, p.team_id from fund_tranches ft join projects p on p.id = ft.project_id where ft.deleted_at is null order by ft.id`);
      const tr = nth(tranches, o.tranche);
      if (!tr) return;
      if (o.viaAction) await run(deleteFundTranche, people.admin, { id: tr.id, version: tr.version, reason: "重复登记" });
      else await q(sql`delete from fund_tranches where id = ${tr.id}`);
      return;
    }
    case "rate": {
      // A new rate, or a correction of the one of that day (restoring it if it was withdrawn).
      await q(sql`insert into exchange_rates (currency, valid_from, rate_to_cny) values (${o.currency}, ${dayBefore(o.days)}::date, ${o.rate}::numeric)
        on conflict (currency, valid_from) do update set rate_to_cny = excluded.rate_to_cny, deleted_at = null`);
      return;
    }
    case "dropRate": {
      const rates = await q<{ id: string }>(sql`select id from exchange_rates where deleted_at is null order by id`);
      const r = nth(rates, o.rate);
      if (r) await q(sql`update exchange_rates set deleted_at = now() where id = ${r.id}`);
      return;
    }
  }
}

/* ───────────── the independent answers ───────────── */

/** Who sees project p, with the filters: live, not confidential unless owner, manager of its team or admin; team; chain of its node. */
function sees(v: Viewer, f: ReviewFilters): SQL {
  const managerOf = v.role === "manager" ? v.teamId : null;
  return sql`p.deleted_at is null
    and (${v.role === "admin"} or p.confidential = false or p.owner_id = ${v.id}::uuid or (${managerOf}::uuid is not null and p.team_id = ${managerOf}::uuid))
    and (${f.team}::uuid is null or p.team_id = ${f.team}::uuid)
    and (${f.chain}::uuid is null or exists (select 1 from chain_nodes n where n.id = p.chain_node_id and n.chain_id = ${f.chain}::uuid))`;
}
const applied = (c: string) => sql.raw(`${c}.state = 'applied' and ${c}.deleted_at is null`);
const rank = (col: string) => sql.raw(`array_position(enum_range(null::project_stage), ${col})`);
/** CNY per unit of x.currency at the latest live rate valid today; planned amounts are summed per currency before converting. */
const rateToday = sql.raw(`(case x.currency when 'CNY' then 1 else (select r.rate_to_cny from exchange_rates r
  where r.currency = x.currency and r.deleted_at is null and r.valid_from <= (now() at time zone 'Asia/Shanghai')::date
  order by r.valid_from desc limit 1) end)`);
/** Tranche ft in CNY at the latest live rate valid on the day received. */
const tranche = sql.raw(`round(ft.amount * (case ft.currency when 'CNY' then 1 else (select r.rate_to_cny from exchange_rates r
  where r.currency = ft.currency and r.deleted_at is null and r.valid_from <= ft.received_on order by r.valid_from desc limit 1) end), 2)`);
/** The instant month `m` (1–13, an SQL expression) of the year begins in Shanghai; 13 is next January. */
const monthStart = (year: number, m: SQL) =>
  sql`make_timestamptz(${year}::int + ((${m}) - 1) / 12, ((${m}) - 1) % 12 + 1, 1, 0, 0, 0, 'Asia/Shanghai')`;
/** Project p has an applied change into 签约 from the start of the year to the start of month `until`. */
const signedBefore = (year: number, until: SQL) => sql`exists (select 1 from stage_changes c where c.project_id = p.id and ${applied("c")}
  and c.to_stage = 'signed' and c.changed_at >= ${monthStart(year, sql`1`)} and c.changed_at < ${monthStart(year, until)})`;
/** Σ over currencies of round(Σ planned × today's rate, 2), over the projects p matching `where`. */
const plannedOf = (where: SQL) => sql`(select coalesce(sum(round(x.amount * ${rateToday}, 2)), 0)::text
  from (select p.currency, sum(p.planned_amount) as amount from projects p where ${where} group by p.currency) x)`;

/** An amount to the fen, written alike whatever the query printed ("0", "5.1"); anything finer stays as it is, to fail. */
const money = (v: string | null | undefined) => (/^-?\d+(\.\d{1,2})?$/.test(v ?? "0") ? roundDecimal(v ?? "0", 2) : `finer than a fen: ${v}`);
type Keyed = { key: string | null };
const byKey = <T extends Keyed>(rows: T[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));

async function expectedFigures(v: Viewer, f: ReviewFilters) {
  const s = sees(v, f);
  const funnel = await q<{ stage: string; count: number; amount: string }>(sql`
    select st.stage::text as stage, coalesce(sum(x.n), 0)::int as count, coalesce(sum(round(x.amount * ${rateToday}, 2)), 0)::text as amount
    from unnest(enum_range(null::project_stage)) with ordinality as st(stage, ord)
      left join (select p.stage, p.currency, count(*) as n, sum(p.planned_amount) as amount from projects p where ${s} group by 1, 2) x on x.stage = st.stage
    group by st.stage, st.ord order by st.ord`);

  const reached = await q<{ n: number }>(sql`
    select (select count(*)::int from projects p where ${s}
      and exists (select 1 from stage_changes c where c.project_id = p.id and ${applied("c")} and ${rank("c.to_stage")} >= k)) as n
    from generate_series(1, ${STAGES.length}::int) as k order by k`);
  const conversion = STAGES.slice(0, -1).map((stage, i) => ({ fromStage: stage, toStage: STAGES[i + 1]!, reached: reached[i]!.n, advanced: reached[i + 1]!.n }));

  // A stint ends at the project's next applied change in (changed_at, created_at, id) order.
  const durations = await q<{ stage: string; stints: number; medianDays: string }>(sql`
    select x.stage::text as stage, count(*)::int as stints, round((percentile_cont(0.5) within group (order by x.days))::numeric, 1)::text as "medianDays"
    from (select c.to_stage as stage, extract(epoch from (
            select c2.changed_at from stage_changes c2 where c2.project_id = c.project_id and ${applied("c2")}
              and (c2.changed_at, c2.created_at, c2.id) > (c.changed_at, c.created_at, c.id)
            order by c2.changed_at, c2.created_at, c2.id limit 1) - c.changed_at) / 86400 as days
          from stage_changes c join projects p on p.id = c.project_id where ${applied("c")} and ${s}) x
    where x.days is not null group by x.stage order by ${rank("x.stage")}`);

  const breakdown = (keyExpr: string) => q<{ key: string | null; count: number; amount: string; signedInYear: number }>(sql`
    select x.key, sum(x.n)::int as count, coalesce(sum(round(x.amount * ${rateToday}, 2)), 0)::text as amount, sum(x.signed)::int as "signedInYear"
    from (select g.key, g.currency, count(*) as n, sum(g.amount) as amount, count(*) filter (where g.signed) as signed
          from (select ${sql.raw(keyExpr)}::text as key, p.currency, p.planned_amount as amount, ${signedBefore(f.year, sql`13`)} as signed
                from projects p where ${s}) g
          group by g.key, g.currency) x
    group by x.key`);
  const [byTeam, byOwner, byChain] = await Promise.all([
    breakdown("p.team_id"),
    breakdown("p.owner_id"),
    breakdown("(select n.chain_id from chain_nodes n where n.id = p.chain_node_id)"),
  ]);

  const ofTargets = sql`targets where year = ${f.year} and deleted_at is null and (${f.team}::uuid is null or team_id = ${f.team}::uuid)`;
  const [targetRow] = await q<Record<string, string | number>>(sql`select
    (select coalesce(sum(signed_amount), 0)::text from ${ofTargets}) as "targetSignedAmount",
    (select coalesce(sum(funds_in_place), 0)::text from ${ofTargets}) as "targetFundsInPlace",
    (select coalesce(sum(projects_signed), 0)::int from ${ofTargets}) as "targetProjectsSigned",
    (select coalesce(sum(projects_started), 0)::int from ${ofTargets}) as "targetProjectsStarted"`);

  const monthly = await q<{ month: number; signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number }>(sql`
    select m as month,
      ${plannedOf(sql`${s} and ${signedBefore(f.year, sql`m + 1`)}`)} as "signedAmount",
      (select coalesce(sum(${tranche}), 0)::text from fund_tranches ft join projects p on p.id = ft.project_id
        where ${s} and ft.deleted_at is null and ft.received_on >= make_date(${f.year}::int, 1, 1)
          and ft.received_on < (make_date(${f.year}::int, 1, 1) + make_interval(months => m))::date) as "fundsInPlace",
      (select count(*)::int from projects p where ${s} and ${signedBefore(f.year, sql`m + 1`)}) as "projectsSigned",
      (select count(*)::int from stage_changes c join projects p on p.id = c.project_id where ${s} and ${applied("c")}
        and c.to_stage = 'construction' and c.changed_at >= ${monthStart(f.year, sql`1`)} and c.changed_at < ${monthStart(f.year, sql`m + 1`)}) as "projectsStarted"
    from generate_series(1, 12) as m order by m`);
  const december = monthly[11]!;

  const contracted = await q<{ key: string | null; projects: number; contracted: string; inPlace: string }>(sql`
    select x.key, sum(x.n)::int as projects, coalesce(sum(round(x.amount * ${rateToday}, 2)), 0)::text as contracted, coalesce(sum(x.paid), 0)::text as "inPlace"
    from (select p.team_id::text as key, p.currency, count(*) as n, sum(p.planned_amount) as amount,
            sum((select sum(${tranche}) from fund_tranches ft where ft.project_id = p.id and ft.deleted_at is null)) as paid
          from projects p where ${s} and ${rank("p.stage")} >= ${STAGES.indexOf("signed") + 1} group by p.team_id, p.currency) x
    group by x.key`);

  return {
    funnel: funnel.map((r) => ({ ...r, amount: money(r.amount) })),
    conversion,
    durations,
    byTeam: byKey(byTeam.map((r) => ({ ...r, amount: money(r.amount) }))),
    byOwner: byKey(byOwner.map((r) => ({ ...r, amount: money(r.amount) }))),
    byChain: byKey(byChain.map((r) => ({ ...r, amount: money(r.amount) }))),
    // The year's actuals are December's cumulative figures, computed above over the whole year.
    targets: {
      targetSignedAmount: money(targetRow!.targetSignedAmount as string),
      targetFundsInPlace: money(targetRow!.targetFundsInPlace as string),
      targetProjectsSigned: targetRow!.targetProjectsSigned,
      targetProjectsStarted: targetRow!.targetProjectsStarted,
      signedAmount: money(december.signedAmount),
      fundsInPlace: money(december.fundsInPlace),
      projectsSigned: december.projectsSigned,
      projectsStarted: december.projectsStarted,
    },
    monthly: monthly.map((r) => ({ ...r, signedAmount: money(r.signedAmount), fundsInPlace: money(r.fundsInPlace) })),
    contracted: byKey(contracted.map((r) => ({ ...r, contracted: money(r.contracted), inPlace: money(r.inPlace) }))),
  };
}

async function actualFigures(v: Viewer, f: ReviewFilters) {
  const db = database.db;
  const [funnel, conversion, durations, byTeam, byOwner, byChain, targets, monthly, contracted] = await Promise.all([
    getFunnel(db, v, f),
    getConversion(db, v, f),
    getStageDurations(db, v, f),
    getBreakdown(db, v, f, "team"),
    getBreakdown(db, v, f, "owner"),
    getBreakdown(db, v, f, "chain"),
    getTargetsVsActuals(db, v, f),
    getMonthlyProgress(db, v, f),
    getContractedVsInPlace(db, v, f),
  ]);
  // The breakdowns are ordered by amount, then count.
  for (const rows of [byTeam, byOwner, byChain]) {
    for (let i = 1; i < rows.length; i++) expect(Number(rows[i - 1]!.amount)).toBeGreaterThanOrEqual(Number(rows[i]!.amount));
  }
  for (const r of conversion) {
    if (r.reached === 0) expect(r.rate).toBeNull();
    else expect(Number(r.rate)).toBeCloseTo(r.advanced / r.reached, 4);
  }
  const breakdown = (rows: typeof byTeam) =>
    byKey(rows.map((r) => ({ key: r.key, count: r.count, amount: money(r.amount), signedInYear: r.signedInYear })));
  return {
    funnel: funnel.map((r) => ({ ...r, amount: money(r.amount) })),
    conversion: conversion.map(({ rate: _rate, ...r }) => r),
    durations,
    byTeam: breakdown(byTeam),
    byOwner: breakdown(byOwner),
    byChain: breakdown(byChain),
    targets: {
      ...targets,
      targetSignedAmount: money(targets.targetSignedAmount),
      targetFundsInPlace: money(targets.targetFundsInPlace),
      signedAmount: money(targets.signedAmount),
      fundsInPlace: money(targets.fundsInPlace),
    },
    monthly: monthly.map((r) => ({ ...r, signedAmount: money(r.signedAmount), fundsInPlace: money(r.fundsInPlace) })),
    contracted: byKey(contracted.map((r) => ({ key: r.key, projects: r.projects, contracted: money(r.contracted), inPlace: money(r.inPlace) }))),
  };
}

async function figuresMatch(v: Viewer, f: ReviewFilters) {
  const [actual, expected] = [await actualFigures(v, f), await expectedFigures(v, f)];
  expect({ who: v.id, f, ...actual }).toEqual({ who: v.id, f, ...expected });
}

const FACT_COLUMNS = sql.raw(`project_id, kind, stage, year, month, days::text as days, cny::text as cny, project_stage,
  team_id, owner_id, chain_node_id, confidential, currency, planned_amount::text as planned_amount`);
const FACT_ORDER = sql.raw(`project_id, kind, stage, year, month, days, cny`);
const facts = () => q<Record<string, unknown>>(sql`select ${FACT_COLUMNS} from review_facts order by ${FACT_ORDER}`);

/** What the triggers kept is what the rebuild (the migration's backfill) writes from the tables. */
async function factsMatchRebuild() {
  const kept = await facts();
  await q(sql`select review_facts_rebuild()`);
  expect(await facts()).toEqual(kept);
}

const EACH_KIND: Op[] = [
  { kind: "create", who: "staffA", stage: "signed", amount: "99999.99", unit: "wan", currency: "EUR", confidential: true, node: 0 },
  { kind: "move", who: "admin", project: 1, to: "construction", stale: false },
  { kind: "move", who: "owner", project: 2, to: "production", stale: false },
  { kind: "decide", who: "admin", request: 0, approve: true },
  { kind: "status", who: "admin", project: 3, status: "dormant" },
  { kind: "edit", who: "admin", project: 4, amount: "7", unit: "yi", currency: "USD", confidential: true, node: 2, owner: "staffB", team: "B" },
  { kind: "edit", who: "admin", project: 4, amount: "7", unit: "yi", currency: "USD", confidential: true, node: 2, owner: null, team: null },
  { kind: "softDelete", project: 5 },
  { kind: "restore", project: 0 },
  { kind: "hardDelete", project: 6 },
  { kind: "bulkTeam", stage: "signed", toB: true },
  { kind: "backdate", change: 3, back: { days: 400, secs: 5 } },
  {
    kind: "history",
    rows: [
      { project: 1, to: "signed", back: { days: 500, secs: 0 }, rejected: false },
      { project: 2, to: "construction", back: { days: 30, secs: 1 }, rejected: false },
      { project: 3, to: "intent", back: { days: 2, secs: 0 }, rejected: true },
    ],
  },
  { kind: "dropChange", change: 4, hard: false },
  { kind: "dropChange", change: 5, hard: true },
  { kind: "tranche", who: "admin", project: 1, days: 100, amount: "500", unit: "wan", currency: "EUR" },
  { kind: "rawTranche", project: 2, days: 300, currency: "USD" },
  { kind: "redateTranche", tranche: 0, days: 700, currency: "EUR" },
  { kind: "dropTranche", tranche: 1, viaAction: true },
  { kind: "dropTranche", tranche: 2, viaAction: false },
  { kind: "rate", currency: "EUR", days: 200, rate: "6.88" },
  { kind: "rate", currency: "EUR", days: 200, rate: "7.5" },
  { kind: "dropRate", rate: 1 },
];

const VIEWERS = (): Viewer[] => [people.staffA, people.staffB, people.managerA, people.admin];
const FILTERS = (): ReviewFilters[] => [
  { year: YEAR, team: null, chain: null },
  { year: YEAR - 1, team: null, chain: null },
  { year: YEAR, team: teamA, chain: null },
  { year: YEAR - 1, team: teamB, chain: null },
  { year: YEAR, team: null, chain },
  { year: YEAR - 2, team: teamA, chain: otherChain },
];

describe("the review's figures", () => {
  it("equal SQL over the tables after any sequence of writes, for every person and a draw of filters", async () => {
    // A start with history in every stage, over three years, in three currencies.
    const start: Op[] = [];
    for (const [i, who] of (["staffA", "staffA2", "managerA", "staffB", "managerB", "admin"] as const).entries()) {
      for (const stage of ["lead", "intent", "signed"] as const) {
        start.push({ kind: "create", who, stage, amount: "123.45", unit: "wan", currency: (["CNY", "EUR", "USD"] as const)[i % 3]!, confidential: i % 2 === 0, node: i % 3 });
      }
    }
    for (let i = 0; i < 18; i++) start.push({ kind: "move", who: "admin", project: i, to: STAGES[4 + (i % 5)]!, stale: false });
    for (let i = 0; i < 40; i++) start.push({ kind: "backdate", change: i * 7, back: { days: (i * 37) % 800, secs: i * 613 } });
    for (let i = 0; i < 12; i++) start.push({ kind: "tranche", who: "admin", project: i, days: (i * 71) % 800, amount: "500", unit: "wan", currency: (["CNY", "EUR", "USD", "JPY"] as const)[i % 4]! });
    for (const o of start) await apply(o);
    await factsMatchRebuild();
    // Every kind of write once, each compared with the rebuild at once, before the random sequences.
    for (const o of EACH_KIND) {
      await apply(o);
      await factsMatchRebuild();
    }
    expect((await q<{ n: number }>(sql`select count(distinct year)::int as n from review_facts where kind = 'signed'`))[0]!.n).toBeGreaterThan(1);

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 10 }), fc.subarray([1, 2, 3, 4, 5], { minLength: 1, maxLength: 2 }), async (ops, some) => {
        for (const o of ops) await apply(o);
        await factsMatchRebuild();
        const filters = [0, ...some].map((i) => FILTERS()[i]!);
        for (const v of VIEWERS()) for (const f of filters) await figuresMatch(v, f);
      }),
      { numRuns: 12 },
    );
    // The runs left facts of every kind, and confidential projects that only some people count.
    const kinds = await q<{ kind: string }>(sql`select distinct kind::text as kind from review_facts order by 1`);
    expect(kinds.map((k) => k.kind)).toEqual(["funds", "signed", "started", "stint", "top"]);
    expect((await q<{ n: number }>(sql`select count(*)::int as n from projects where confidential and deleted_at is null`))[0]!.n).toBeGreaterThan(0);
    // A property run sized for an idle machine; the bound only decides when a loaded one reports.
  }, 180_000);

  it("follow a write that bypasses replication-role triggers (a bulk load) and a truncate of each source", async () => {
    const [p] = await q<{ id: string }>(sql`select id from projects where deleted_at is null and stage >= 'signed' order by id limit 1`);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`insert into stage_changes (project_id, to_stage, changed_at) values (${p!.id}, 'construction', now() - interval '40 days')`);
      await tx.execute(sql`insert into fund_tranches (project_id, received_on, amount, currency) values (${p!.id}, ${dayBefore(3)}::date, 99, 'EUR')`);
    });
    await factsMatchRebuild();
    // Without its foreign-key triggers, deleting a project leaves its history behind: it counts for nothing.
    const [gone] = await q<{ id: string }>(sql`select project_id as id from review_facts order by project_id limit 1`);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from projects where id = ${gone!.id}`);
    });
    expect(await q(sql`select id from review_facts where project_id = ${gone!.id}`)).toEqual([]);
    await factsMatchRebuild();
    await figuresMatch(people.admin, FILTERS()[0]!);

    await q(sql`truncate exchange_rates`);
    await factsMatchRebuild();
    await figuresMatch(people.managerA, FILTERS()[0]!);
    await q(sql`truncate fund_tranches`);
    expect(await q(sql`select id from review_facts where kind = 'funds'`)).toEqual([]);
    // With the evidence files, which belong to the changes.
    await q(sql`truncate stage_changes cascade`);
    expect(await q(sql`select id from review_facts`)).toEqual([]);
    await figuresMatch(people.staffA, FILTERS()[0]!);
  });

  it("are recomputed in turn when two transactions change the same project at once", async (ctx) => {
    if (database.kind !== "server") ctx.skip(); // PGlite has one connection: transactions never overlap
    const [p] = await q<{ id: string }>(sql`select id from projects where deleted_at is null order by id limit 1`);
    // The project has facts already, which both transactions replace.
    await q(sql`insert into stage_changes (project_id, to_stage, changed_at) values (${p!.id}, 'lead', now() - interval '20 days')`);
    let inserted!: () => void, release!: () => void;
    const didInsert = new Promise<void>((r) => (inserted = r));
    const gate = new Promise<void>((r) => (release = r));
    const first = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into stage_changes (project_id, to_stage, changed_at) values (${p!.id}, 'signed', now() - interval '10 days')`);
      inserted();
      await gate;
    });
    await didInsert;
    // The second waits for the first's lock on the project, then reads what the first committed.
    const second = database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into fund_tranches (project_id, received_on, amount, currency) values (${p!.id}, ${today}::date, 10, 'CNY')`);
    });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await Promise.all([first, second]);
    await factsMatchRebuild();
    expect((await q<{ n: number }>(sql`select count(*)::int as n from review_facts where project_id = ${p!.id} and kind = 'funds'`))[0]!.n).toBe(1);
  });
});
