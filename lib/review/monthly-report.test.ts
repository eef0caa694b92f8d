import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { seedDemoData, stableId } from "@/db/seed";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { getMonthlyProgress } from "./queries";
import { getMonthlyReport, parseReportParams, type ReportMonth } from "./monthly-report";
import { reportSections } from "./monthly-sections";

// The report's lists are checked against SQL written another way, on the demo data, for a staff
// member, another team's manager and an admin.

let database: Database;
let staff: Viewer, storageManager: Viewer, admin: Viewer;
const q = <T>(query: SQL) => queryRows<T>(database.db, query);

async function seededViewer(key: string): Promise<Viewer> {
  const id = stableId(`user:${key}`);
  const [u] = await q<{ name: string; email: string; role: Viewer["role"]; team_id: string | null }>(
    sql`select name, email, role, team_id from users where id = ${id}`,
  );
  return { id, name: u!.name, email: u!.email, role: u!.role, teamId: u!.team_id, locale: null };
}

/** The months with a signing in the demo data, busiest first. */
let busiest: ReportMonth;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
  staff = await seededViewer("staff");
  storageManager = await seededViewer("manager2");
  admin = await seededViewer("admin");
  const [top] = await q<{ y: number; m: number }>(sql`
    select extract(year from changed_at at time zone 'Asia/Shanghai')::int as y, extract(month from changed_at at time zone 'Asia/Shanghai')::int as m
    from stage_changes where to_stage = 'signed' and state = 'applied' and deleted_at is null
    group by 1, 2 order by count(*) desc, 1 desc, 2 desc limit 1`);
  busiest = { year: top!.y, month: top!.m };
});
afterAll(async () => database?.close());


/** Visible to v, as a WHERE clause over alias p. */
function sees(v: Viewer): SQL {
  const manager = v.role === "manager" && v.teamId !== null;
  return sql`p.deleted_at is null
    and (${v.role === "admin"} or not p.confidential or p.owner_id = ${v.id} or (${manager} and p.team_id is not distinct from ${v.teamId}::uuid))`;
}

/** Projects whose first applied signing of the month's year falls in the month. */
async function signedInMonth(v: Viewer, m: ReportMonth, team: string | null): Promise<string[]> {
  const rows = await q<{ name: string }>(sql`
    select p.name from projects p where ${sees(v)} and (${team}::uuid is null or p.team_id = ${team}::uuid)
      and (select min(c.changed_at) from stage_changes c where c.project_id = p.id and c.to_stage = 'signed' and c.state = 'applied'
        and c.deleted_at is null and extract(year from c.changed_at at time zone 'Asia/Shanghai') = ${m.year})
        between make_timestamptz(${m.year}::int, ${m.month}::int, 1, 0, 0, 0, 'Asia/Shanghai')
        and make_timestamptz(${m.year}::int, ${m.month}::int, 1, 0, 0, 0, 'Asia/Shanghai') + interval '1 month' - interval '1 microsecond'
    order by p.name`);
  return rows.map((r) => r.name);
}

const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}:${JSON.stringify(values)}` : key);

describe("monthly report", () => {
  it.each([["staff", () => staff], ["storage manager", () => storageManager], ["admin", () => admin]] as const)(
    "lists, for %s, the month's signed projects the review counts, and only visible ones",
    async (_name, who) => {
      const v = who();
      const report = await getMonthlyReport(database.db, v, busiest, null);
      const signed = report.milestones.filter((p) => p.stage === "signed").map((p) => p.name).sort();
      expect(signed.length).toBeGreaterThan(0);
      expect(signed).toEqual((await signedInMonth(v, busiest, null)).sort());
      const figure = report.figures.find((f) => f.measure === "projectsSigned")!;
      expect(Number(figure.month)).toBe(signed.length);
      // The year to date is the review's own month-by-month figure.
      const progress = await getMonthlyProgress(database.db, v, { year: busiest.year, team: null, chain: null });
      expect(figure.yearToDate).toBe(String(progress.find((p) => p.month === busiest.month)!.projectsSigned));
    },
  );

  it("never shows another team's confidential project to staff, and narrows every list to the chosen team", async () => {
    const confidential = await q<{ id: string }>(sql`select id from projects where confidential and deleted_at is null`);
    const hidden = new Set(confidential.map((r) => r.id));
    const months: ReportMonth[] = [busiest, { year: busiest.year, month: busiest.month === 1 ? 2 : busiest.month - 1 }];
    for (const m of months) {
      const report = await getMonthlyReport(database.db, staff, m, null);
      for (const p of [...report.milestones, ...report.stalled, ...report.signedNotStarted]) {
        if (hidden.has(p.id)) expect((await q<{ owner_id: string }>(sql`select owner_id from projects where id = ${p.id}`))[0]!.owner_id).toBe(staff.id);
      }
    }
    const team = stableId("team:storage");
    const report = await getMonthlyReport(database.db, admin, busiest, team);
    const teamOf = async (id: string) => (await q<{ team_id: string | null }>(sql`select team_id from projects where id = ${id}`))[0]!.team_id;
    for (const p of report.milestones) expect(await teamOf(p.id)).toBe(team);
    for (const p of [...report.stalled, ...report.signedNotStarted]) expect(p.teamId).toBe(team);
    expect(report.milestones.filter((p) => p.stage === "signed").map((p) => p.name).sort()).toEqual((await signedInMonth(admin, busiest, team)).sort());
  });

  it("counts each event's participants and the visible projects it sourced, as the event page does", async () => {
    const [held] = await q<{ y: number; m: number }>(sql`
      select extract(year from e.starts_on)::int as y, extract(month from e.starts_on)::int as m from events e
      where e.deleted_at is null and exists (select 1 from projects p where p.source_event_id = e.id and p.deleted_at is null)
      order by e.starts_on desc limit 1`);
    const m = { year: held!.y, month: held!.m };
    for (const v of [staff, admin]) {
      const report = await getMonthlyReport(database.db, v, m, null);
      expect(report.events.length).toBeGreaterThan(0);
      for (const e of report.events) {
        const [expected] = await q<{ participants: number; sourced: number; signed: number }>(sql`
          select
            (select count(*) from event_participants ep join enterprises x on x.id = ep.enterprise_id
              where ep.event_id = ${e.id} and ep.deleted_at is null and x.deleted_at is null)::int as participants,
            (select count(*) from projects p where p.source_event_id = ${e.id} and ${sees(v)})::int as sourced,
            (select count(*) from projects p where p.source_event_id = ${e.id} and ${sees(v)}
              and array_position(enum_range(null::project_stage), p.stage) >= array_position(enum_range(null::project_stage), 'signed'::project_stage)
              and p.status <> 'lost')::int as signed`);
        expect({ participants: e.participants, sourced: e.projectsSourced, signed: e.projectsSigned }).toEqual(expected);
        expect(e.startsOn <= `${m.year}-${String(m.month).padStart(2, "0")}-31`).toBe(true);
      }
    }
  });

  it("gives the workbook exact yuan and the page a unit, from one definition of the sections", async () => {
    const report = await getMonthlyReport(database.db, admin, busiest, null);
    const exact = reportSections(report, { t, locale: "zh-CN", exact: true });
    const shown = reportSections(report, { t, locale: "zh-CN", exact: false });
    expect(exact.map((s) => s.id)).toEqual(["figures", "milestones", "events", "stalled", "signedNotStarted"]);
    // The same values; only the labels naming a unit differ.
    const values = (sections: typeof exact) => sections.map((s) => s.rows.map((r) => r.filter((c) => c.kind !== "text")));
    expect(values(exact)).toEqual(values(shown));
    expect(exact[1]!.columns.find((c) => c.kind === "yuan")!.header).toContain("common.moneyUnits.yuan");
    expect(shown[1]!.columns.find((c) => c.kind === "yuan")!.header).not.toContain("common.moneyUnits.yuan");
  });
});

describe("report parameters", () => {
  const teams = [stableId("team:storage")];
  it("refuses a malformed month or team (400) and an unknown team (404); an absent month is this month", () => {
    expect(parseReportParams(new URLSearchParams("month=2026-11"), teams)).toEqual({ ok: true, month: { year: 2026, month: 11 }, team: null });
    expect(parseReportParams(new URLSearchParams(`month=2026-01&team=${teams[0]}`), teams)).toMatchObject({ ok: true, team: teams[0] });
    expect(parseReportParams(new URLSearchParams(""), teams)).toMatchObject({ ok: true, team: null });
    for (const bad of ["month=2026-13", "month=2026-1", "month=26-11", "month=1999-12", "month=2026-11&month=2026-10", "team=x", "team=../../etc", "month=%00"]) {
      expect(parseReportParams(new URLSearchParams(bad), teams)).toEqual({ ok: false, status: 400 });
    }
    expect(parseReportParams(new URLSearchParams("team=00000000-0000-4000-8000-000000000000"), teams)).toEqual({ ok: false, status: 404 });
  });
});
