import { eq, sql, type SQL } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "@/db";
import { projects, type Stage, STAGES } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { mergeEnterprises } from "@/lib/enterprises/actions/merge-enterprises";
import { restoreEnterprise } from "@/lib/enterprises/actions/restore-enterprise";
import { shanghaiDay } from "@/lib/time";
import { roundDecimal } from "@/lib/money";
import { openTestDatabase } from "@/test/support/db";
import { makeTwoTeams, type TwoTeams } from "@/test/support/two-teams";
import { t } from "@/test/support/fixtures";
import { createProject } from "./actions/create-project";
import { decideStageRequest } from "./actions/decide-stage-request";
import { moveProjectStage } from "./actions/move-stage";
import { setProjectStatus } from "./actions/set-status";
import { updateProject } from "./actions/update-project";
import { columnTotalCny } from "./board-figures";
import { type BoardCursor, decodeCursor } from "./board-cursor";
import { getPipeline, getPipelineColumnPage } from "./board-queries";
import type { PipelineFilters } from "./filters";
import { INITIAL_STAGES } from "./stages";
import { makeEnterprise, makeRate, pdfFile } from "@/test/support/project-fixtures";
import { projectFormValues } from "./values";

// The board's counts and totals come from project_totals, kept by triggers. After random
// sequences of writes (through the actions where one exists, raw SQL for the rest: imports,
// deletes, restores, bulk fixes), every column's count and CNY total, for several people and
// filters, must equal SQL written afresh over the projects table; and the table itself must equal
// the projects grouped by its key.

let database: Database;
const q = <T>(query: SQL) => queryRows<T>(database.db, query);
const today = shanghaiDay();

type People = TwoTeams["people"];
let people: People;
let teamA: string, teamB: string;
let chain: string, otherChain: string;
let nodes: string[];
let enterprisesA: string[], enterpriseB: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  ({ teamA, teamB, people, chain, otherChain, nodes } = await makeTwoTeams(db));
  enterprisesA = [(await makeEnterprise(db, teamA)).id, (await makeEnterprise(db, teamA)).id, (await makeEnterprise(db, teamA)).id];
  enterpriseB = (await makeEnterprise(db, teamB)).id;
  await makeRate(db, "EUR", "7.81234567", "2020-01-01");
  await makeRate(db, "USD", "7.10000001", "2020-01-01");
  // JPY has only a rate that is not valid yet: its amounts are in no CNY total.
  await makeRate(db, "JPY", "0.05000000", "2999-01-01");
});
afterAll(() => database?.close());

type Result = { ok: true; data: unknown } | { ok: false; message: string };
// Refusals are part of the sequences (someone who may not, a version not seen, a missing field):
// they must change nothing.
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;

/* ───────────── the writes ───────────── */

const actor = fc.constantFrom<keyof People>("staffA", "staffA2", "managerA", "staffB", "managerB", "admin");
/** Who writes to a project: mostly someone who may (its owner, its team's manager, an admin), sometimes someone who may not. */
const writer = fc.constantFrom("owner", "owner", "teamManager", "admin", "staffB", "staffA2");
type Writer = typeof writer extends fc.Arbitrary<infer T> ? T : never;
const amount = fc.option(fc.constantFrom("0", "0.01", "1.5", "123.45", "99999.99", "7"), { nil: undefined });
const unit = fc.constantFrom("yuan", "wan", "yi");
const currency = fc.constantFrom("CNY", "CNY", "EUR", "USD", "JPY");
const pick = fc.nat({ max: 10_000 });
const node = fc.option(fc.nat({ max: 2 }), { nil: undefined });

const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("create" as const), who: actor, stage: fc.constantFrom(...INITIAL_STAGES), amount, unit, currency, confidential: fc.boolean(), node }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("move" as const), who: writer, project: pick, to: fc.constantFrom(...STAGES), stale: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("decide" as const), who: fc.constantFrom<keyof People>("managerA", "managerB", "admin"), request: pick, approve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("status" as const), who: writer, project: pick, status: fc.constantFrom("active", "delayed", "dormant", "lost") }) },
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
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reprice" as const), who: writer, project: pick, amount, unit }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("import" as const), stage: fc.constantFrom(...STAGES), rows: fc.integer({ min: 1, max: 30 }), sameInstant: fc.boolean(), seed: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("softDelete" as const), project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("restore" as const), project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hardDelete" as const), project: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bulk" as const), stage: fc.constantFrom(...STAGES), status: fc.constantFrom("active", "dormant") }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("merge" as const), survivor: pick, merged: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unmerge" as const), enterprise: pick }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

type Row = { id: string; version: number; deleted: boolean; owner_id: string | null; team_id: string | null };
const allProjects = () => q<Row>(sql`select id, version, deleted_at is not null as deleted, owner_id, team_id from projects order by id`);
const nth = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);

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
      const [liveA] = await q<{ id: string }>(sql`select id from enterprises where deleted_at is null and team_id = ${teamA} order by id limit 1`);
      const enterpriseId = who.teamId === teamB ? enterpriseB : liveA!.id;
      await run(createProject, who, {
        enterpriseId,
        name: `项目 ${Math.random()}`,
        stage: o.stage,
        ...(o.stage === "signed" ? { signedOn: today, plannedAmount: o.amount && o.amount !== "0" ? o.amount : "3", plannedUnit: o.unit } : { plannedAmount: o.amount, plannedUnit: o.unit }),
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
      if (!p) return;
      await run(setProjectStatus, resolve(o.who, p), { id: p.id, version: p.version, status: o.status, reason: "企业暂停" });
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
    case "reprice": {
      // Only the amount changes: the project keeps its key, its total moves.
      const p = nth(live, o.project);
      if (!p) return;
      const [row] = await database.db.select().from(projects).where(eq(projects.id, p.id));
      const values = projectFormValues(row!);
      await run(updateProject, resolve(o.who, p), { ...values, id: p.id, version: p.version, plannedAmount: o.amount ?? "", plannedUnit: o.unit, lostReason: values.lostReason || "流失" });
      return;
    }
    case "import": {
      // Many rows in one statement, as an import or a fixture writes them; sometimes all at the
      // same instant (to the microsecond), so the board's order falls back on the id.
      const owners = [people.staffA, people.staffA2, people.staffB, people.managerA];
      const currencies = ["CNY", "EUR", "USD", "JPY"];
      const instant = sql`'2025-03-04 05:06:07.123456+00'::timestamptz`;
      const rows = Array.from({ length: o.rows }, (_, i) => {
        const k = o.seed + i;
        const owner = owners[k % owners.length]!;
        return sql`(${enterprisesA[1]}::uuid, ${`导入 ${k}`}, ${o.stage}::project_stage, ${k % 5 === 0 ? null : `${(k * 37) % 1000}.${k % 100}`}::numeric,
          ${currencies[k % 4]}, ${k % 3 === 0}::boolean, ${owner.id}::uuid, ${owner.teamId}::uuid, ${k % 4 === 3 ? null : nodes[k % 3]}::uuid,
          ${o.sameInstant ? instant : sql`now() - ${`${k} seconds`}::interval`}, ${k % 7 === 0 ? "dormant" : "active"}::project_status)`;
      });
      await q(sql`insert into projects (enterprise_id, name, stage, planned_amount, currency, confidential, owner_id, team_id, chain_node_id, stage_changed_at, status)
        values ${sql.join(rows, sql`, `)}`);
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
    case "bulk": {
      await q(sql`update projects set status = ${o.status}::project_status, version = version + 1 where stage = ${o.stage}::project_stage and team_id = ${teamA} and status <> 'lost'`);
      return;
    }
    case "merge": {
      const live = await q<{ id: string; version: number }>(sql`select id, version from enterprises where deleted_at is null and team_id = ${teamA} order by id`);
      const survivor = nth(live, o.survivor);
      const merged = nth(live, o.merged);
      if (!survivor || !merged || survivor.id === merged.id) return;
      await run(mergeEnterprises, people.managerA, { survivorId: survivor.id, mergedId: merged.id, survivorVersion: survivor.version, mergedVersion: merged.version });
      return;
    }
    case "unmerge": {
      const gone = await q<{ id: string; version: number }>(sql`select id, version from enterprises where deleted_at is not null and team_id = ${teamA} order by id`);
      const e = nth(gone, o.enterprise);
      if (e) await run(restoreEnterprise, people.managerA, { id: e.id, version: e.version });
      return;
    }
  }
}

/* ───────────── the independent answers ───────────── */

/** Who sees a project, written again over alias p: live, and not confidential unless owner, manager of its team, admin. */
function sees(v: Viewer): SQL {
  if (v.role === "admin") return sql`p.deleted_at is null`;
  const managerOf = v.role === "manager" ? v.teamId : null;
  return sql`p.deleted_at is null and (p.confidential = false or p.owner_id = ${v.id}::uuid or (${managerOf}::uuid is not null and p.team_id = ${managerOf}::uuid))`;
}

function matches(v: Viewer, f: Omit<PipelineFilters, "view">): SQL {
  const owner = f.owner === "me" ? v.id : f.owner;
  return sql`(${f.team}::uuid is null or p.team_id = ${f.team}::uuid)
    and (${owner}::uuid is null or p.owner_id = ${owner}::uuid)
    and (${f.chain}::uuid is null or exists (select 1 from chain_nodes n where n.id = p.chain_node_id and n.chain_id = ${f.chain}::uuid))
    and (case ${f.status ?? "open"} when 'all' then true when 'open' then p.status <> 'lost' else p.status::text = ${f.status ?? "open"} end)`;
}

/** Per stage: the number of projects, and Σ over currencies of round(Σ amounts × today's rate, 2). */
async function expectedColumns(v: Viewer, f: Omit<PipelineFilters, "view">) {
  const rows = await q<{ stage: Stage; count: number; total: string | null }>(sql`
    with per_currency as (
      select p.stage, p.currency, count(*) as n, sum(p.planned_amount) as amount
      from projects p where ${sees(v)} and ${matches(v, f)}
      group by p.stage, p.currency)
    select stage, sum(n)::int as count, sum(round(amount * (case when currency = 'CNY' then 1 else (
        select r.rate_to_cny from exchange_rates r
        where r.currency = per_currency.currency and r.deleted_at is null and r.valid_from <= (now() at time zone 'Asia/Shanghai')::date
        order by r.valid_from desc limit 1) end), 2))::text as total
    from per_currency group by stage`);
  return STAGES.map((stage) => {
    const row = rows.find((r) => r.stage === stage);
    return { stage, count: row?.count ?? 0, totalCny: roundDecimal(row?.total ?? "0", 2) };
  });
}

/** Every card a column holds, in the board's order, written again. */
async function expectedCards(v: Viewer, f: Omit<PipelineFilters, "view">, stage: Stage) {
  const rows = await q<{ id: string }>(sql`select p.id from projects p where ${sees(v)} and ${matches(v, f)} and p.stage = ${stage}::project_stage
    order by p.stage_changed_at desc, p.id`);
  return rows.map((r) => r.id);
}

const KEY = sql.raw(`stage, status, team_id, owner_id, chain_node_id, confidential, currency`);
async function totalsMatchProjects() {
  const kept = await q<Record<string, unknown>>(sql`select ${KEY}, projects as n, planned::text as amount from project_totals order by ${KEY}`);
  const counted = await q<Record<string, unknown>>(sql`select ${KEY}, count(*)::int as n, coalesce(sum(planned_amount), 0)::text as amount
    from projects where deleted_at is null group by ${KEY} order by ${KEY}`);
  const norm = (rows: Record<string, unknown>[]) => rows.map((r) => ({ ...r, n: Number(r.n), amount: roundDecimal(String(r.amount), 2) }));
  expect(norm(kept)).toEqual(norm(counted));
}

const FILTERS = (): Omit<PipelineFilters, "view">[] => [
  { team: null, owner: null, chain: null, status: null },
  { team: null, owner: null, chain: null, status: "all" },
  { team: null, owner: null, chain: null, status: "lost" },
  { team: teamA, owner: null, chain: null, status: "all" },
  { team: null, owner: "me", chain: null, status: null },
  { team: null, owner: people.staffA2.id, chain: null, status: "all" },
  { team: null, owner: null, chain, status: "all" },
  { team: teamA, owner: null, chain: otherChain, status: "dormant" },
];
const VIEWERS = (): Viewer[] => [people.staffA, people.staffA2, people.managerB, people.managerA, people.admin];

async function columnsMatch(v: Viewer, f: Omit<PipelineFilters, "view">) {
  const board = await getPipeline(database.db, v, f);
  const actual = board.columns.map(({ stage, count, totalCny }) => ({ stage, count, totalCny }));
  expect({ who: v.id, f, columns: actual }).toEqual({ who: v.id, f, columns: await expectedColumns(v, f) });
  // The browser's preview of a move computes a total from the same parts: it must agree.
  for (const column of board.columns) expect(columnTotalCny(column.planned, board.rates)).toBe(column.totalCny);
  return board;
}

/** Every page of every column, followed through its cursors, is the column's whole content, in order. */
async function pagesMatch(v: Viewer, f: Omit<PipelineFilters, "view">) {
  const board = await getPipeline(database.db, v, f);
  for (const stage of STAGES) {
    const ids = board.cards.filter((c) => c.stage === stage).map((c) => c.id);
    let after = board.next[stage];
    while (after) {
      const cursor = decodeCursor(after) as BoardCursor;
      const page = await getPipelineColumnPage(database.db, v, f, stage, cursor);
      expect(page.cards.length).toBeGreaterThan(0);
      ids.push(...page.cards.map((c) => c.id));
      after = page.next;
    }
    expect({ stage, ids }).toEqual({ stage, ids: await expectedCards(v, f, stage) });
  }
}

describe("the board's totals", () => {
  it("equal SQL over the projects after any sequence of writes, for every person and filter", async () => {
    // Columns longer than a page from the start, one of them with every card at the same instant.
    await apply({ kind: "import", stage: "intent", rows: 40, sameInstant: true, seed: 1 });
    await apply({ kind: "import", stage: "lead", rows: 30, sameInstant: false, seed: 100 });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 12 }), fc.subarray([...FILTERS().keys()], { minLength: 2, maxLength: 3 }), fc.nat(), async (ops, some, which) => {
        for (const o of ops) await apply(o);
        await totalsMatchProjects();
        // Every person, with the default filters and a few others drawn for this run.
        const viewers = VIEWERS();
        const filters = [0, ...some].map((i) => FILTERS()[i]!);
        for (const v of viewers) for (const f of filters) await columnsMatch(v, f);
        await pagesMatch(viewers[which % viewers.length]!, filters[which % filters.length]!);
      }),
      { numRuns: 10 },
    );
    // The runs left columns longer than a page, so the cursors were followed.
    const longest = await q<{ n: number }>(sql`select max(n)::int as n from (select count(*) as n from projects where deleted_at is null group by stage) s`);
    expect(longest[0]!.n).toBeGreaterThan(25);
    // A property run sized for an idle machine; the bound only decides when a loaded one reports.
  }, 180_000);

  it("are rebuilt from the projects exactly as the triggers keep them (the migration's backfill)", async () => {
    const before = await q<Record<string, unknown>>(sql`select ${KEY}, projects, planned::text from project_totals order by ${KEY}`);
    expect(before.length).toBeGreaterThan(0);
    await q(sql`select project_totals_rebuild()`);
    expect(await q(sql`select ${KEY}, projects, planned::text from project_totals order by ${KEY}`)).toEqual(before);
    await totalsMatchProjects();
  });

  it("keep no row for a key without projects, and follow a truncate", async () => {
    expect(await q(sql`select id from project_totals where projects <= 0`)).toEqual([]);
    await q(sql`update projects set deleted_at = now() where deleted_at is null`);
    expect(await q(sql`select id from project_totals`)).toEqual([]);
    await q(sql`update projects set deleted_at = null`);
    await totalsMatchProjects();
    await q(sql`truncate projects cascade`);
    expect(await q(sql`select id from project_totals`)).toEqual([]);
    const board = await getPipeline(database.db, people.admin, FILTERS()[1]!);
    expect(board.columns.every((c) => c.count === 0 && c.totalCny === "0.00")).toBe(true);
  });
});
