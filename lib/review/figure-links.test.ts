import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { stableId, seedDemoData } from "@/db/seed";
import type { Viewer } from "@/lib/auth/viewer";
import { addDecimals, roundDecimal } from "@/lib/money";
import { parsePipelinePage } from "@/lib/projects/board-cursor";
import { getPipeline } from "@/lib/projects/board-queries";
import { parsePipelineFilters } from "@/lib/projects/filters";
import { openTestDatabase } from "@/test/support/db";
import type { ReviewFilters } from "./filters";
import { loadReviewTable, REVIEW_TABLES, type Tr } from "./tables";

// Every figure of the dashboard that links to the pipeline list: the list its link opens, read as
// the page and the API read it, counts exactly the figure's projects (and, for planned amounts,
// adds up to the figure). On the demo data, for viewers who see different projects.

let database: Database;
const viewers: Record<string, Viewer> = {};
const t: Tr = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);

async function seededViewer(key: string): Promise<Viewer> {
  const id = stableId(`user:${key}`);
  const [u] = await queryRows<{ name: string; email: string; role: Viewer["role"]; team_id: string | null }>(
    database.db,
    sql`select name, email, role, team_id from users where id = ${id}`,
  );
  return { id, name: u!.name, email: u!.email, role: u!.role, teamId: u!.team_id, locale: null };
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
  for (const key of ["staff", "manager2", "admin", "viewer"]) viewers[key] = await seededViewer(key);
});
afterAll(async () => database?.close());

const CASES: [string, string, () => ReviewFilters][] = [
  ["admin, 2025", "admin", () => ({ year: 2025, team: null, chain: null })],
  ["admin, 2026", "admin", () => ({ year: 2026, team: null, chain: null })],
  ["staff of nev, 2025", "staff", () => ({ year: 2025, team: null, chain: null })],
  ["storage manager, 2026, team storage", "manager2", () => ({ year: 2026, team: stableId("team:storage"), chain: null })],
  ["viewer, 2024, chain nev", "viewer", () => ({ year: 2024, team: null, chain: stableId("chain:nev") })],
];

/** Amount columns that add up planned amounts, as the list's totals do (funds are tranches, not planned amounts). */
const PLANNED = new Set(["amountCny", "signedAmount", "contracted"]);

describe.each(CASES)("every linked figure opens its projects: %s", (_name, who, filters) => {
  it("the list behind each figure counts (and for planned amounts sums) exactly the figure", async () => {
    const viewer = viewers[who]!;
    const f = filters();
    let links = 0;
    let nonZero = 0;
    let sums = 0;
    for (const id of REVIEW_TABLES) {
      const table = await loadReviewTable({ db: database.db, viewer, f, t, locale: "zh-CN", exact: true }, id);
      for (const row of table.rows) {
        for (const [i, cell] of row.entries()) {
          if (!cell.href) continue;
          links++;
          const url = new URL(cell.href, "http://localhost");
          expect(url.pathname).toBe("/pipeline");
          expect(url.searchParams.get("view")).toBe("list");
          // The list's island reads the same URL through /api/pipeline: the whole list, not one column's page.
          expect(parsePipelinePage(url.searchParams)).toEqual({ kind: "board" });
          const list = await getPipeline(database.db, viewer, parsePipelineFilters(url.searchParams));
          const count = list.columns.reduce((n, c) => n + c.count, 0);
          const where = `${id} row ${String(row[0]?.value)} column ${table.columns[i]} (${cell.href})`;
          // The cards the list shows are the ones it counts: every stage short of a page shows all its projects.
          for (const column of list.columns) {
            if (list.next[column.stage] === null) expect(list.cards.filter((c) => c.stage === column.stage).length, where).toBe(column.count);
          }
          if (cell.kind === "count") {
            expect(count, where).toBe(cell.value);
            if (cell.value > 0) nonZero++;
          }
          // The measure (targets: the row's, else the column's), from the untranslated catalogue keys.
          const label = id === "targets" ? String(row[0]?.value) : (table.columns[i] ?? "");
          const column = ["amountCny", "signedAmount", "fundsInPlace", "contracted", "inPlace"].find((k) => label.includes(k));
          if (cell.kind === "money" && column && PLANNED.has(column)) {
            expect(roundDecimal(addDecimals("0", ...list.columns.map((c) => c.totalCny)), 2), where).toBe(cell.value);
            sums++;
          }
        }
      }
    }
    // Every table but the stage durations links its figures, and some figures count something.
    expect(links).toBeGreaterThan(40);
    expect(nonZero).toBeGreaterThan(0);
    expect(sums).toBeGreaterThan(20);
  });
});

describe("the list's figure filters", () => {
  it("read malformed values as absent, never as SQL", async () => {
    const viewer = viewers.admin!;
    const all = await getPipeline(database.db, viewer, parsePipelineFilters({ status: "all" }));
    const hostile = parsePipelineFilters({
      status: "all", inStage: "signed'; drop table projects; --", stageFrom: "x", reached: "1 or 1=1", event: "signed", from: "2026-13", to: "'",
      team: "none' or '1'='1", owner: "null", chain: "%",
    });
    expect(hostile).toMatchObject({ inStage: null, stageFrom: null, reached: null, event: "signed", from: null, to: null, team: null, owner: null, chain: null });
    const event = parsePipelineFilters({ from: "2026-01", to: "2026-02" });
    expect(event).toMatchObject({ event: null, from: null, to: null });
    const list = await getPipeline(database.db, viewer, parsePipelineFilters({ status: "all", event: "nonsense", reached: "nowhere" }));
    expect(list.columns.map((c) => c.count)).toEqual(all.columns.map((c) => c.count));
  });

  it("'none' selects the projects without a team, owner or chain", async () => {
    const viewer = viewers.admin!;
    const [row] = await queryRows<{ team: number; owner: number; chain: number }>(database.db, sql`
      select count(*) filter (where team_id is null)::int as team, count(*) filter (where owner_id is null)::int as owner,
        count(*) filter (where chain_node_id is null)::int as chain
      from projects where deleted_at is null`);
    for (const key of ["team", "owner", "chain"] as const) {
      const list = await getPipeline(database.db, viewer, parsePipelineFilters({ status: "all", [key]: "none" }));
      expect(list.columns.reduce((n, c) => n + c.count, 0), key).toBe(row![key]);
    }
  });
});
