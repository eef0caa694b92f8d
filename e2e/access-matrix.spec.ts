import { createHash, randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { type Persona, pool, storageStatePath } from "./support";

/** The seed's deterministic ids (db/seed.ts stableId), without importing the seeding code. */
function seededId(key: string) {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/*
 * Who may open what, over real HTTP with each person's saved session. The product rules
 * (README "Projects and the pipeline", lib/access.ts, lib/projects/visibility.ts):
 * - every signed-in user reads enterprises, events, delegations, visits and non-confidential projects;
 * - staff and above create; staff edit what they or their team own, managers their team's, admins all;
 * - a confidential project exists only for its owner, its team's managers and admins;
 * - deleted records: managers (their team's) and admins; targets: managers and admins;
 *   administration: admins only;
 * - whatever a person may not see answers 404, exactly like an id that does not exist.
 *
 * The records: nev-team records (staff/manager are nev) and the storage team's confidential
 * project, owned by staff2 (storage); manager2 manages storage.
 */

const PERSONAS = ["viewer", "staff", "staff2", "manager", "manager2", "admin"] as const satisfies readonly Persona[];
type Who = (typeof PERSONAS)[number];

const ids = {
  enterprise: seededId("enterprise:byd"), // owner manager, team nev
  otherNev: seededId("enterprise:messe"), // owner staff, team nev
  storageEnterprise: seededId("enterprise:zq-storage"), // the confidential project's enterprise
  event: seededId("event:lishui-2023"), // owner staff, team nev
  delegation: seededId("delegation:zhaoqing-shenzhen-2023"), // owner manager, team nev
  visit: seededId("visit:lishui-kaiwo"), // owner staff, team nev
  project: seededId("project:zq-cathode"), // owner staff, team nev, not confidential
  secret: seededId("project:zq-home-storage"), // owner staff2, team storage, confidential
};
const SECRET_NAME = "户用储能系统产线项目（保密）";
const unknown = randomUUID();

// Expected HTTP status of a GET, per person, in the order of PERSONAS.
//                                                         viewer staff staff2 manager manager2 admin
const PAGES: [path: string, expected: [number, number, number, number, number, number]][] = [
  ["/enterprises",                                         [200,   200,  200,   200,    200,     200]],
  ["/enterprises/new",                                     [404,   200,  200,   200,    200,     200]],
  ["/enterprises/import",                                  [404,   200,  200,   200,    200,     200]],
  ["/enterprises/deleted",                                 [404,   404,  404,   200,    200,     200]],
  [`/enterprises/${ids.enterprise}`,                       [200,   200,  200,   200,    200,     200]],
  [`/enterprises/${ids.enterprise}/edit`,                  [404,   200,  404,   200,    404,     200]],
  [`/enterprises/${unknown}`,                              [404,   404,  404,   404,    404,     404]],
  [`/enterprises/${unknown}/edit`,                         [404,   404,  404,   404,    404,     404]],
  ["/enterprises/not-a-uuid",                              [404,   404,  404,   404,    404,     404]],
  ["/events",                                              [200,   200,  200,   200,    200,     200]],
  ["/events/new",                                          [404,   200,  200,   200,    200,     200]],
  [`/events/${ids.event}`,                                 [200,   200,  200,   200,    200,     200]],
  [`/events/${ids.event}/edit`,                            [404,   200,  404,   200,    404,     200]],
  [`/events/${unknown}`,                                   [404,   404,  404,   404,    404,     404]],
  ["/delegations",                                         [200,   200,  200,   200,    200,     200]],
  ["/delegations/new",                                     [404,   200,  200,   200,    200,     200]],
  [`/delegations/${ids.delegation}`,                       [200,   200,  200,   200,    200,     200]],
  [`/delegations/${ids.delegation}/edit`,                  [404,   200,  404,   200,    404,     200]],
  [`/delegations/${unknown}`,                              [404,   404,  404,   404,    404,     404]],
  [`/delegations-print/${ids.delegation}`,                 [200,   200,  200,   200,    200,     200]],
  [`/delegations-print/${unknown}`,                        [404,   404,  404,   404,    404,     404]],
  ["/visits",                                              [200,   200,  200,   200,    200,     200]],
  ["/visits/new",                                          [404,   200,  200,   200,    200,     200]],
  [`/visits/${ids.visit}`,                                 [200,   200,  200,   200,    200,     200]],
  [`/visits/${ids.visit}/edit`,                            [404,   200,  404,   200,    404,     200]],
  [`/visits/${unknown}`,                                   [404,   404,  404,   404,    404,     404]],
  ["/my-day",                                              [200,   200,  200,   200,    200,     200]],
  ["/pipeline",                                            [200,   200,  200,   200,    200,     200]],
  ["/pipeline?view=list",                                  [200,   200,  200,   200,    200,     200]],
  // A review figure's projects: the list filtered by history, and the events list sorted by what events produced.
  ["/pipeline?view=list&status=all&reached=signed&event=signed&from=2025-01&to=2025-12&owner=none", [200, 200, 200, 200, 200, 200]],
  ["/events?sort=signed",                                  [200,   200,  200,   200,    200,     200]],
  [`/projects/new?enterprise=${ids.enterprise}`,           [404,   200,  200,   200,    200,     200]],
  [`/projects/new?enterprise=${unknown}`,                  [404,   404,  404,   404,    404,     404]],
  [`/projects/${ids.project}`,                             [200,   200,  200,   200,    200,     200]],
  [`/projects/${ids.project}/edit`,                        [404,   200,  404,   200,    404,     200]],
  [`/projects/${ids.secret}`,                              [404,   404,  200,   404,    200,     200]],
  [`/projects/${ids.secret}/edit`,                         [404,   404,  200,   404,    200,     200]],
  [`/projects/${unknown}`,                                 [404,   404,  404,   404,    404,     404]],
  ["/review",                                              [200,   200,  200,   200,    200,     200]],
  ["/review/alerts",                                       [200,   200,  200,   200,    200,     200]],
  ["/review/chains",                                       [200,   200,  200,   200,    200,     200]],
  // The monthly report: everyone, each seeing their visible projects; a malformed month or an unknown team is a 404 page.
  ["/review/monthly",                                      [200,   200,  200,   200,    200,     200]],
  ["/review/monthly?month=2026-01",                        [200,   200,  200,   200,    200,     200]],
  ["/review/monthly?month=2026-13",                        [404,   404,  404,   404,    404,     404]],
  [`/review/monthly?team=${unknown}`,                      [404,   404,  404,   404,    404,     404]],
  ["/review/targets",                                      [404,   404,  404,   200,    200,     200]],
  // Reassigning work: managers for their own team's people (staff is nev, manager2 leads storage), admins for anyone.
  ["/review/people",                                       [404,   404,  404,   200,    200,     200]],
  [`/review/people/${seededId("user:staff")}`,             [404,   404,  404,   200,    404,     200]],
  [`/review/people/${unknown}`,                            [404,   404,  404,   404,    404,     404]],
  ["/review/people/not-a-uuid",                            [404,   404,  404,   404,    404,     404]],
  // The verification queue: those who decide stage requests (managers, admins); others get the 404 of other manager pages.
  ["/verifications",                                       [404,   404,  404,   200,    200,     200]],
  ["/admin/chains",                                        [404,   404,  404,   404,    404,     200]],
  ["/admin/teams",                                         [404,   404,  404,   404,    404,     200]],
  ["/admin/people",                                        [404,   404,  404,   404,    404,     200]],
  ["/admin/rates",                                         [404,   404,  404,   404,    404,     200]],
  ["/search?q=%E6%AF%94%E4%BA%9A",                         [200,   200,  200,   200,    200,     200]],
  // Everyone's own inbox; it lists only the reader's items.
  ["/notifications",                                       [200,   200,  200,   200,    200,     200]],
  ["/admin/audit",                                         [404,   404,  404,   404,    404,     200]],
  [`/admin/audit?type=enterprise&record=${ids.enterprise}`, [404,  404,  404,   404,    404,     200]],
];

// Route handlers (app/api). Health is public; the calendar feed's credential is its token.
//                                                         viewer staff staff2 manager manager2 admin
const ROUTES: [path: string, expected: [number, number, number, number, number, number]][] = [
  ["/api/health",                                          [200,   200,  200,   200,    200,     200]],
  ["/api/enterprises/search?q=byd",                        [200,   200,  200,   200,    200,     200]],
  ["/api/enterprises/search?name=BYD%20Company%20Limited",  [200,   200,  200,   200,    200,     200]],
  ["/api/enterprises/export",                              [200,   200,  200,   200,    200,     200]],
  [`/api/enterprises/${ids.enterprise}/contacts`,          [200,   200,  200,   200,    200,     200]],
  [`/api/enterprises/${unknown}/contacts`,                 [404,   404,  404,   404,    404,     404]],
  ["/api/enterprises/not-a-uuid/contacts",                 [404,   404,  404,   404,    404,     404]],
  ["/api/pipeline?status=all",                             [200,   200,  200,   200,    200,     200]],
  ["/api/people",                                          [200,   200,  200,   200,    200,     200]],
  ["/api/review/export?table=funnel",                      [200,   200,  200,   200,    200,     200]],
  ["/api/review/export?table=nonsense",                    [404,   404,  404,   404,    404,     404]],
  ["/api/review/export?table=funnel&format=xlsx",          [200,   200,  200,   200,    200,     200]],
  ["/api/review/export?table=funnel&format=pdf",           [400,   400,  400,   400,    400,     400]],
  ["/api/enterprises/export?format=xlsx",                  [200,   200,  200,   200,    200,     200]],
  ["/api/pipeline/export",                                 [200,   200,  200,   200,    200,     200]],
  ["/api/pipeline/export?format=xlsx&view=list",           [200,   200,  200,   200,    200,     200]],
  ["/api/review/monthly?month=2026-01",                    [200,   200,  200,   200,    200,     200]],
  ["/api/review/monthly?month=2026-1",                     [400,   400,  400,   400,    400,     400]],
  [`/api/review/monthly?team=${unknown}`,                  [404,   404,  404,   404,    404,     404]],
  ["/api/search?q=byd",                                    [200,   200,  200,   200,    200,     200]],
  ["/api/admin/audit/export?type=enterprise",              [404,   404,  404,   404,    404,     200]],
  [`/api/attachments/${unknown}`,                          [404,   404,  404,   404,    404,     404]],
  ["/api/attachments/not-a-uuid",                          [404,   404,  404,   404,    404,     404]],
  [`/api/history/project/${ids.project}`,                  [200,   200,  200,   200,    200,     200]],
  [`/api/history/project/${ids.secret}`,                   [404,   404,  200,   404,    200,     200]],
  [`/api/history/visit/${ids.visit}`,                      [200,   200,  200,   200,    200,     200]],
  [`/api/history/event/${unknown}`,                        [404,   404,  404,   404,    404,     404]],
  [`/api/history/enterprise/${ids.enterprise}`,            [404,   404,  404,   404,    404,     404]],
  [`/api/evidence/${unknown}`,                             [404,   404,  404,   404,    404,     404]],
  ["/api/evidence/not-a-uuid",                             [404,   404,  404,   404,    404,     404]],
  ["/api/calendar/not-a-real-token",                       [404,   404,  404,   404,    404,     404]],
  // Merging is for managers and admins (403 to any other role: it names no record), and only
  // of records they may edit (404 otherwise, as for a record that does not exist).
  [`/api/enterprises/merge/candidates?merged=${ids.enterprise}&q=BYD`, [403, 403, 403, 200,  200,     200]],
  [`/api/enterprises/merge/preview?survivor=${ids.enterprise}&merged=${ids.otherNev}`, [403, 403, 403, 200, 404, 200]],
  [`/api/enterprises/merge/preview?survivor=${ids.enterprise}&merged=${unknown}`,      [403, 403, 403, 404, 404, 404]],
];

// Each test opens its own request contexts and closes them when it ends: a test that fails or
// times out never leaves another test holding a closed context.
const contexts = new Map<Who, APIRequestContext>();
async function as(who: Who) {
  let ctx = contexts.get(who);
  if (!ctx) {
    ctx = await request.newContext({ baseURL: BASE_URL, storageState: storageStatePath(who) });
    contexts.set(who, ctx);
  }
  return ctx;
}
test.afterEach(async () => {
  const open = [...contexts.values()];
  contexts.clear();
  await Promise.all(open.map((c) => c.dispose()));
});

// Four requests in flight per test: with both workers on the table, a two-core server renders
// eight pages at once rather than two hundred, and no single page waits out its timeout.
const IN_FLIGHT = 4;

async function statuses(table: typeof PAGES, people: readonly Who[] = PERSONAS) {
  const wrong: string[] = [];
  for (const who of people) {
    const ctx = await as(who);
    const mine: [row: number, line: string][] = [];
    await pool([...table.entries()], IN_FLIGHT, async ([row, [path, expected]]) => {
      const response = await ctx.get(path, { maxRedirects: 0 });
      const want = expected[PERSONAS.indexOf(who)];
      const body = await response.text();
      // A refusal must not give the record away, not even in the streamed payload.
      const leaks = response.status() !== 200 && body.includes(SECRET_NAME);
      if (response.status() !== want || leaks)
        mine.push([row, `${who} GET ${path}: ${response.status()}${leaks ? " (body names the secret project)" : ""}, expected ${want}`]);
    });
    // In table order, whatever order the answers came in.
    wrong.push(...mine.sort((a, b) => a[0] - b[0]).map(([, line]) => line));
  }
  return wrong;
}

// One test per person: the whole table is the suite's longest test, and split it runs on both workers.
for (const who of PERSONAS) {
  test(`pages answer the ${who} as the access table says`, async () => {
    expect(await statuses(PAGES, [who])).toEqual([]);
  });
}

test("route handlers answer each person as the access table says", async () => {
  expect(await statuses(ROUTES)).toEqual([]);
});

test("without a session, pages send to sign-in and route handlers answer 401", async () => {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  for (const [path] of PAGES.filter(([p]) => !p.includes("not-a-uuid"))) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect.soft(response.status(), path).toBe(307);
    expect.soft(response.headers().location ?? "", path).toMatch(/\/signin/);
  }
  for (const path of [
    "/api/enterprises/search?q=byd",
    "/api/enterprises/export",
    `/api/enterprises/${ids.enterprise}/contacts`,
    "/api/pipeline",
    "/api/people",
    "/api/review/export?table=funnel",
    "/api/pipeline/export",
    "/api/review/monthly",
    `/api/evidence/${unknown}`,
    "/api/admin/audit/export",
    `/api/history/project/${ids.project}`,
    "/api/search?q=byd",
    `/api/attachments/${unknown}`,
  ]) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect.soft(response.status(), path).toBe(401);
    expect.soft(await response.text(), path).not.toContain(SECRET_NAME);
  }
  expect((await anonymous.get("/api/calendar/not-a-real-token")).status()).toBe(404);
  await anonymous.dispose();
});

test("a refused record reads exactly like a record that does not exist", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("staff") });
  const page = await context.newPage();
  const seen = async (path: string) => {
    const response = await page.goto(path);
    return { status: response?.status(), heading: await page.getByRole("heading", { level: 1 }).innerText(), text: await page.locator("body").innerText() };
  };
  const forbidden = await seen(`/projects/${ids.secret}`);
  const missing = await seen(`/projects/${unknown}`);
  expect(forbidden).toEqual(missing);
  expect(forbidden.status).toBe(404);
  expect(forbidden.text).not.toContain(SECRET_NAME);
  await context.close();
});

test("evidence of a confidential project is served only to those who may see the project", async ({ browser }) => {
  // Six people, one after another: room for a loaded machine.
    test.slow();
  // The storage team's manager files a confidential project and verifies a stage with evidence.
  const context = await browser.newContext({ storageState: storageStatePath("manager2") });
  const page = await context.newPage();
  const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(`Access Matrix Storage Co ${u}`);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  await page.goto(`/projects/new?enterprise=${page.url().split("/").at(-1)}`);
  const name = `机密储能项目 ${u}`;
  await page.getByLabel("Project name").fill(name);
  await page.getByLabel("Starting stage").selectOption({ label: "Signed" });
  await page.getByLabel("Signing date").fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date()));
  await page.getByLabel("Planned investment").fill("3");
  await page.getByLabel("Confidential").check();
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const projectPath = new URL(page.url()).pathname;
  const moveForm = page.getByRole("region", { name: "Move to another stage" });
  await moveForm.getByLabel("New stage").selectOption({ label: "Registered" });
  await moveForm.getByLabel("Evidence file").setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") });
  await moveForm.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByTestId("project-stage")).toHaveText("Registered");
  const href = await page.locator('a[href^="/api/evidence/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/api\/evidence\/[0-9a-f-]{36}$/);
  await context.close();

  //           viewer staff staff2 manager manager2 admin
  const want = [404,   404,  404,   404,    200,     200];
  const got: number[] = [];
  for (const who of PERSONAS) got.push((await (await as(who)).get(href!)).status());
  expect(got).toEqual(want);
  // The project page follows the same rule.
  const pages: number[] = [];
  for (const who of PERSONAS) pages.push((await (await as(who)).get(projectPath, { maxRedirects: 0 })).status());
  expect(pages).toEqual(want);
  const served = (await (await as("manager2")).get(href!)).headers();
  expect(served["content-type"]).toBe("application/pdf");
  // Downloaded under a name of its checked type, never the name it was uploaded with.
  expect(served["content-disposition"]).toBe('attachment; filename="evidence.pdf"');
  expect(served["x-content-type-options"]).toBe("nosniff");
});

test("the confidential project is in no list, board, export or page of those who may not see it", async () => {
  const pages = [
    "/pipeline?status=all",
    "/pipeline?view=list&status=all",
    `/enterprises/${ids.storageEnterprise}`,
    "/review",
    "/review/alerts",
    "/review/chains",
    "/review/monthly",
    "/my-day",
    `/search?q=${encodeURIComponent("户用储能")}`,
  ];
  const routes = [`/api/search?q=${encodeURIComponent("户用储能")}`, "/api/pipeline?status=all", "/api/review/export?table=byOwner", "/api/review/export?table=funnel", "/api/pipeline/export?status=all"];
  const mayNot: Who[] = ["viewer", "staff", "manager"];
  const may: Who[] = ["staff2", "manager2", "admin"];
  for (const who of PERSONAS) {
    const ctx = await as(who);
    for (const path of [...pages, ...routes]) {
      const response = await ctx.get(path);
      expect.soft(response.status(), `${who} ${path}`).toBe(200);
      const body = await response.text();
      if (mayNot.includes(who)) {
        expect.soft(body.includes(SECRET_NAME), `${who} must not see it on ${path}`).toBe(false);
        expect.soft(body.includes(ids.secret), `${who} must not get its id from ${path}`).toBe(false);
      }
    }
    const board = (await (await ctx.get("/api/pipeline?status=all")).json()) as { cards: { id: string }[] };
    expect(board.cards.some((c) => c.id === ids.secret), `${who} on the board`).toBe(may.includes(who));
    const search = (await (await ctx.get(`/api/search?q=${encodeURIComponent("户用储能")}`)).json()) as { hits: { id: string }[] };
    expect(search.hits.some((h) => h.id === ids.secret), `${who} in the search box`).toBe(may.includes(who));
  }
});

test("the enterprise export and search follow the same rules as the list", async () => {
  const viewer = await as("viewer");
  const csv = await viewer.get("/api/enterprises/export?q=比亚迪");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("比亚迪股份有限公司");
  const search = (await (await viewer.get("/api/enterprises/search?q=比亚迪")).json()) as { items: { id: string }[] };
  expect(search.items.map((i) => i.id)).toContain(ids.enterprise);
});

test.describe("what each person is offered on the pages", () => {
  test("a viewer is offered no way to create or change anything", async ({ browser }) => {
    // Six people, one after another: room for a loaded machine.
    test.slow();
    const context = await browser.newContext({ storageState: storageStatePath("viewer") });
    const page = await context.newPage();
    for (const path of ["/enterprises", "/events", "/delegations", "/visits"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator('a[href$="/new"], a[href$="/import"]'), path).toHaveCount(0);
    }
    for (const path of [`/enterprises/${ids.enterprise}`, `/events/${ids.event}`, `/delegations/${ids.delegation}`, `/visits/${ids.visit}`, `/projects/${ids.project}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator('a[href$="/edit"]'), path).toHaveCount(0);
      await expect(page.locator("main form button[type=submit], main form button:not([type])"), path).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Merge into…" })).toHaveCount(0);
    }
    await context.close();
  });

  test("merging is offered to managers of the record's team and admins only", async ({ browser }) => {
    // Six people, one after another: room for a loaded machine.
    test.slow();
    const offered: Record<Who, boolean> = { viewer: false, staff: false, staff2: false, manager: true, manager2: false, admin: true };
    for (const who of PERSONAS) {
      const context = await browser.newContext({ storageState: storageStatePath(who) });
      const page = await context.newPage();
      await page.goto(`/enterprises/${ids.enterprise}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Admins may have switched to 中文 in another test.
      await expect(page.getByRole("button", { name: /^(Merge into…|合并到…)$/ }), who).toHaveCount(offered[who] ? 1 : 0);
      await expect(page.locator(`a[href="/enterprises/${ids.enterprise}/edit"]`), who).toHaveCount(
        ["staff", "manager", "admin"].includes(who) ? 1 : 0,
      );
      await context.close();
    }
  });

  test("only admins see the administration link; only managers and admins see targets", async ({ browser }) => {
    // Six people, one after another: room for a loaded machine.
    test.slow();
    for (const who of PERSONAS) {
      const context = await browser.newContext({ storageState: storageStatePath(who) });
      const page = await context.newPage();
      await page.goto("/review");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const adminLinks = await page.locator('a[href^="/admin"]').count();
      expect(adminLinks > 0, who).toBe(who === "admin");
      await expect(page.locator('a[href="/review/targets"]'), who).toHaveCount(["manager", "manager2", "admin"].includes(who) ? 1 : 0);
      await context.close();
    }
  });
});
