import { and, count, desc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/test/support/db";
import type { Database } from "./index";
import { enterprises, followUps, projects, STAGES, stageChanges, visits } from "./schema";
import { seedDemoData } from "./seed";

const COUNTED = {
  enterprises,
  projects,
  stage_changes: stageChanges,
  visits,
  follow_ups: followUps,
} as const;
const TABLES = Object.keys(COUNTED) as (keyof typeof COUNTED)[];

let database: Database;
const firstRun = { inserted: 0 };
const secondRun = { inserted: 0 };
const countsAfterFirst: Record<string, number> = {};

async function rowCount(table: keyof typeof COUNTED): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(COUNTED[table]);
  return row?.n ?? 0;
}

beforeAll(async () => {
  database = await openTestDatabase();
  firstRun.inserted = (await seedDemoData(database.db)).inserted;
  for (const table of TABLES) countsAfterFirst[table] = await rowCount(table);
  secondRun.inserted = (await seedDemoData(database.db)).inserted;
}, 120_000);

afterAll(async () => {
  await database?.close();
});

describe("seedDemoData", () => {
  it("inserts rows the first time and nothing the second time", () => {
    expect(firstRun.inserted).toBeGreaterThan(0);
    expect(secondRun.inserted).toBe(0);
  });

  it.each(TABLES)("leaves the same non-zero row count in %s after a second run", async (table) => {
    const after = await rowCount(table);
    expect(after).toBeGreaterThan(0);
    expect(after).toBe(countsAfterFirst[table]);
  });

  it("contains BYD", async () => {
    const rows = await database.db
      .select({ nameEn: enterprises.nameEn })
      .from(enterprises)
      .where(and(like(enterprises.nameZh, "%比亚迪%"), eq(enterprises.creditCode, "91440300192317458F")));
    expect(rows).toEqual([{ nameEn: "BYD Co., Ltd." }]);
  });

  it("has projects at every stage", async () => {
    const rows = await database.db.selectDistinct({ stage: projects.stage }).from(projects);
    expect(rows.map((r) => r.stage).sort()).toEqual([...STAGES].sort());
  });

  it("ends every project's applied stage history at its current stage", async () => {
    const all = await database.db.select({ id: projects.id, name: projects.name, stage: projects.stage }).from(projects);
    const latest = await database.db
      .selectDistinctOn([stageChanges.projectId], { projectId: stageChanges.projectId, toStage: stageChanges.toStage })
      .from(stageChanges)
      .where(eq(stageChanges.state, "applied"))
      .orderBy(stageChanges.projectId, desc(stageChanges.changedAt), desc(stageChanges.id));
    const last = new Map(latest.map((r) => [r.projectId, r.toStage]));
    expect(all.length).toBeGreaterThan(0);
    const mismatched = all.filter((p) => last.get(p.id) !== p.stage).map((p) => p.name);
    expect(mismatched).toEqual([]);
  });
});
