import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { chainNodes, industrialChains, projects, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { listChainMap } from "./chain-map";

let database: Database;
let admin: Viewer, staff: Viewer, storageManager: Viewer;
let gapNodeId: string;

async function person(key: string, role?: Viewer["role"]): Promise<Viewer> {
  const [u] = await database.db.select().from(users).where(eq(users.email, `${key}@landfall.example`));
  if (!u) throw new Error(`no seeded user ${key}`);
  return { id: u.id, name: u.name ?? key, email: u.email, role: role ?? u.role, teamId: u.teamId, locale: null };
}

type Counted = {
  node_id: string;
  enterprises: number;
  active: number;
  landed: number;
};

/** The same numbers written out by hand in plain SQL, with visibility spelled out per role. */
async function independentCounts(v: Viewer): Promise<Map<string, Counted>> {
  const sees = v.role === "admin" ? sql`true` : sql`(p.confidential = false or p.owner_id = ${v.id} or (${v.role} = 'manager' and p.team_id = ${v.teamId}))`;
  const result = await database.db.execute<Counted>(sql`
    select n.id as node_id,
      (select count(*)::int from enterprise_chain_nodes ecn join enterprises e on e.id = ecn.enterprise_id where ecn.chain_node_id = n.id and e.deleted_at is null) as enterprises,
      (select count(*)::int from projects p where p.chain_node_id = n.id and p.deleted_at is null and p.status = 'active' and ${sees}) as active,
      (select count(*)::int from projects p where p.chain_node_id = n.id and p.deleted_at is null and p.status <> 'lost' and p.stage in ('registered','land','construction','production') and ${sees}) as landed
    from chain_nodes n join industrial_chains c on c.id = n.chain_id where n.deleted_at is null and c.deleted_at is null`);
  const rows = (Array.isArray(result) ? result : (result as { rows: Counted[] }).rows) as Counted[];
  return new Map(rows.map((r) => [r.node_id, { ...r, enterprises: Number(r.enterprises), active: Number(r.active), landed: Number(r.landed) }]));
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
  admin = await person("admin");
  staff = await person("zheng.xue");
  storageManager = await person("manager2");
  const [chain] = await database.db.select().from(industrialChains).limit(1);
  const [node] = await database.db.insert(chainNodes).values({ chainId: chain!.id, code: `gap-${Date.now()}`, nameZh: "测试空白环节", nameEn: "Test gap node", sortOrder: 99 }).returning();
  gapNodeId = node!.id;
});
afterAll(() => database?.close());

describe("chain map", () => {
  it("counts equal an independent SQL count for each role", async () => {
    for (const v of [admin, staff, storageManager]) {
      const expected = await independentCounts(v);
      const nodes = (await listChainMap(database.db, v)).flatMap((c) => c.nodes);
      expect(nodes.length).toBe(expected.size);
      for (const n of nodes) {
        const e = expected.get(n.id)!;
        expect({ id: n.id, enterprises: n.enterprises, active: n.activeProjects, landed: n.landedProjects }).toEqual({ id: n.id, enterprises: e.enterprises, active: e.active, landed: e.landed });
      }
    }
    const all = (await listChainMap(database.db, admin)).flatMap((c) => c.nodes);
    expect(all.some((n) => n.enterprises > 0 && n.landedProjects > 0)).toBe(true);
  });

  it("flags nodes without enterprises as gaps", async () => {
    const nodes = (await listChainMap(database.db, staff)).flatMap((c) => c.nodes);
    expect(nodes.find((n) => n.id === gapNodeId)).toMatchObject({ enterprises: 0, gap: true });
    expect(nodes.every((n) => n.gap === (n.enterprises === 0))).toBe(true);
  });

  it("leaves a confidential project out of the numbers of those who may not see it", async () => {
    const [secret] = await database.db.select().from(projects).where(eq(projects.name, "户用储能系统产线项目（保密）"));
    const node = (v: Viewer) => listChainMap(database.db, v).then((cs) => cs.flatMap((c) => c.nodes).find((n) => n.id === secret!.chainNodeId)!);
    expect((await node(storageManager)).activeProjects).toBe((await node(staff)).activeProjects + 1);
  });
});
