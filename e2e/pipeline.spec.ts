import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { card, column, contextAs, createProject, drag, openBoard, shanghaiDay, unique } from "./board-steps";
import { signIn } from "./support";

// The cases share the board's columns and totals, so they run one after another.
test.describe.configure({ mode: "serial" });

/** The seed's deterministic ids (db/seed.ts stableId), without importing the seeding code. */
function seededId(key: string) {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** Chooses in a card's "Move to" menu as a person does: reaching it first, which fills in its stages. */
async function chooseMove(menu: Locator, option: { label: string }) {
  await menu.focus();
  await menu.selectOption(option);
}

/** A column's count and its exact CNY total in fen, read from the header (the tooltip has the exact amount). */
async function totals(page: Page, stage: string) {
  const header = column(page, stage).getByTestId("column-totals");
  const count = Number((await header.locator("span").first().textContent())!.match(/\d+/)?.[0] ?? 0);
  const exact = (await header.locator("span[title]").getAttribute("title"))!;
  const [int, frac = "00"] = exact.replace(/[^\d.]/g, "").split(".");
  return { count, fen: BigInt(int! + frac.padEnd(2, "0")) };
}

test.describe("pipeline", () => {
  test("staff drags a card from Negotiating to Site visit: it stays after reload, the history lists it, the totals move", async ({ browser }) => {
    // 陈芳 (staff2): no spec running beside this one adds her projects to these stages.
    const { context, page } = await contextAs(browser, "staff2");
    const name = `Drag Test ${unique()}`;
    const id = await createProject(page, { name, stage: "Negotiating", amount: "5", unit: "100M yuan (亿元)" });

    // Her own projects only.
    await openBoard(page, "/pipeline?owner=me");
    const [negBefore, siteBefore] = [await totals(page, "Negotiating"), await totals(page, "Site visit")];
    await drag(page, name, "Negotiating", "Site visit");
    // Shown at once, before any reload.
    await expect(card(column(page, "Site visit"), name)).toBeVisible();
    await expect(page.getByText(`${name} moved to Site visit.`).first()).toBeVisible();

    await page.reload();
    await expect(card(column(page, "Site visit"), name)).toBeVisible();
    await expect(card(column(page, "Negotiating"), name)).toHaveCount(0);
    const [negAfter, siteAfter] = [await totals(page, "Negotiating"), await totals(page, "Site visit")];
    expect(negAfter.count).toBe(negBefore.count - 1);
    expect(siteAfter.count).toBe(siteBefore.count + 1);
    expect(siteAfter.fen - siteBefore.fen).toBe(50_000_000_000n);
    expect(negBefore.fen - negAfter.fen).toBe(50_000_000_000n);

    await page.goto(`/projects/${id}`);
    await expect(page.getByTestId("project-stage")).toHaveText("Site visit");
    const history = page.getByRole("list", { name: "Stage changes, newest first" });
    await expect(history.getByRole("listitem").first()).toContainText("Negotiating → Site visit");
    await expect(history.getByRole("listitem").first()).toContainText("By 陈芳");
    await context.close();
  });

  test("after a move on the board, the project's page reached with Back shows the new stage", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "staff");
    const name = `Back Test ${unique()}`;
    await createProject(page, { name, stage: "Negotiating", amount: "1", unit: "10k yuan (万元)" });
    await expect(page.getByTestId("project-stage")).toHaveText("Negotiating");
    // To the board in the app, so the project's page stays in the browser's history and cache.
    await page.getByRole("link", { name: "← Pipeline", exact: true }).click();
    await expect(page.locator("[data-board-ready=true]")).toBeVisible();
    await drag(page, name, "Negotiating", "Site visit");
    await expect(page.getByText(`${name} moved to Site visit.`).first()).toBeVisible();
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByTestId("project-stage")).toHaveText("Site visit");
    await context.close();
  });

  test("a staff move from Signed to Registered waits for the manager, who approves it with evidence", async ({ browser }) => {
    const staff = await contextAs(browser, "staff");
    const name = `Verify Test ${unique()}`;
    const id = await createProject(staff.page, { name, stage: "Signed", amount: "1200", unit: "10k yuan (万元)" });

    // From the keyboard: the card's "Move to" menu.
    await openBoard(staff.page);
    const signed = column(staff.page, "Signed");
    await chooseMove(signed.getByRole("combobox", { name: `Move ${name} to` }), { label: "Registered" });
    await expect(card(signed, name)).toContainText("Pending verification: Registered");
    // The card shows the request at once; the toast says the server has saved it.
    await expect(staff.page.getByText(`${name}: a move to Registered is waiting for a manager's verification.`).first()).toBeVisible();
    await staff.page.reload();
    await expect(card(column(staff.page, "Signed"), name)).toContainText("Pending verification: Registered");
    await expect(card(column(staff.page, "Registered"), name)).toHaveCount(0);
    await staff.context.close();

    const manager = await contextAs(browser, "manager");
    await manager.page.goto(`/projects/${id}`);
    await expect(manager.page.getByTestId("project-stage")).toHaveText("Signed");
    const pending = manager.page.getByRole("region", { name: "Waiting for verification" });
    await pending.getByLabel("Evidence file").setInputFiles({ name: "business-licence.pdf", mimeType: "application/pdf", buffer: PDF });
    await pending.getByLabel("Note").fill("Licence checked against the agreement");
    await pending.getByRole("button", { name: "Approve" }).click();
    await expect(manager.page.getByTestId("project-stage")).toHaveText("Registered");
    const latest = manager.page.getByRole("list", { name: "Stage changes, newest first" }).getByRole("listitem").first();
    await expect(latest).toContainText("Signed → Registered");
    await expect(latest).toContainText("By 李明");
    await expect(latest).toContainText("Verified by 张伟");
    await expect(latest.getByRole("link", { name: "Evidence: business-licence.pdf" })).toBeVisible();
    await manager.context.close();
  });

  test("a manager moving 在谈 → 注册 is asked for the signing date and amount and the review's 签约 figures include it", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "manager");
    const name = `Skip Test ${unique()}`;
    const id = await createProject(page, { name, stage: "Negotiating", amount: "5", unit: "100M yuan (亿元)" });
    const year = shanghaiDay().slice(0, 4);

    /**
     * The review's signing figures for the year: projects signed, and the signed amount in fen,
     * read from the targets table's CSV export, which holds exact yuan (the screen rounds to its unit).
     */
    async function signedFigures() {
      await page.goto(`/review?year=${year}`);
      const href = await page.getByRole("link", { name: `Export CSV: Targets against actuals, ${year}` }).getAttribute("href");
      const csv = (await (await page.request.get(href!, { headers: { "accept-language": "en-US" } })).text()).replace(/^\uFEFF/, "");
      const actual = (measure: string) => csv.split("\r\n").find((line) => line.startsWith(measure))!.split(",")[2]!;
      const [int, frac = "00"] = actual("Signed amount").split(".");
      return { count: Number(actual("Projects signed")), fen: BigInt(int! + frac.padEnd(2, "0")) };
    }
    const before = await signedFigures();

    // The "Move to" menu skips three stages: the dialog asks for the signing as well as the evidence.
    await openBoard(page);
    await chooseMove(column(page, "Negotiating").getByRole("combobox", { name: `Move ${name} to` }), { label: "Registered" });
    const dialog = page.getByRole("dialog", { name: `Verify ${name}: Registered` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("group", { name: "The signing" })).toBeVisible();
    await dialog.getByLabel("Evidence file").setInputFiles({ name: "agreement.pdf", mimeType: "application/pdf", buffer: PDF });
    await dialog.getByRole("button", { name: "Verify and move" }).click();
    await expect(dialog.getByLabel("Signing date")).toHaveAccessibleDescription(/Enter the signing date\./);
    await expect(dialog.getByLabel("Signed amount (CNY)")).toHaveAccessibleDescription(/Enter the signed amount\./);
    // Nothing was sent: the card is still where it was.
    await expect(card(column(page, "Negotiating"), name)).toBeVisible();

    const signedOn = shanghaiDay(3);
    await dialog.getByLabel("Signing date").fill(signedOn);
    await dialog.getByLabel("Signed amount (CNY)").fill("3");
    await dialog.getByLabel("Unit").selectOption({ label: "100M yuan (亿元)" });
    await dialog.getByRole("button", { name: "Verify and move" }).click();
    await expect(dialog).toBeHidden();
    await expect(card(column(page, "Registered"), name)).toBeVisible();
    await expect(page.getByText(`${name} moved to Registered.`).first()).toBeVisible();

    // The history lists every stage passed, newest first, and the signing on its row.
    await page.goto(`/projects/${id}`);
    await expect(page.getByTestId("project-stage")).toHaveText("Registered");
    const history = page.getByRole("list", { name: "Stage changes, newest first" }).getByRole("listitem");
    await expect(history).toHaveCount(5);
    await expect(history.nth(0)).toContainText("Signed → Registered");
    await expect(history.nth(0)).toContainText("Verified by 张伟");
    await expect(history.nth(0).getByRole("link", { name: "Evidence: agreement.pdf" })).toBeVisible();
    await expect(history.nth(1)).toContainText("Intent / MoU → Signed");
    await expect(history.nth(1)).toContainText(/Signed on .+, amount CNY 300\.00 million/);
    await expect(history.nth(2)).toContainText("Site visit → Intent / MoU");
    await expect(history.nth(3)).toContainText("Negotiating → Site visit");
    await expect(history.nth(4)).toContainText("Started at Negotiating");

    // The review counts the signing this year, at the signed amount.
    const after = await signedFigures();
    expect(after.count).toBe(before.count + 1);
    expect(after.fen - before.fen).toBe(30_000_000_000n);
    await context.close();
  });

  test("a viewer has no move controls, and replaying a move as the viewer is refused", async ({ browser }) => {
    const staff = await contextAs(browser, "staff");
    const name = `Viewer Test ${unique()}`;
    const id = await createProject(staff.page, { name, stage: "Lead", amount: "10", unit: "10k yuan (万元)" });
    // Learn the action's wire format from a real staff move that the server refuses (same stage).
    await staff.page.goto(`/projects/${id}`);
    const moveForm = staff.page.getByRole("region", { name: "Move to another stage" });
    await moveForm.getByLabel("New stage").selectOption({ label: "Negotiating" });
    const [request] = await Promise.all([
      staff.page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      moveForm.getByRole("button", { name: "Move", exact: true }).click(),
    ]);
    await expect(staff.page.getByTestId("project-stage")).toHaveText("Negotiating");
    await staff.context.close();

    const viewer = await contextAs(browser, "viewer");
    await viewer.page.goto("/pipeline");
    const negotiating = column(viewer.page, "Negotiating");
    await expect(card(negotiating, name)).toBeVisible();
    await expect(viewer.page.getByRole("combobox", { name: /^Move .* to$/ })).toHaveCount(0);
    await expect(viewer.page.getByRole("button", { name: /^Drag / })).toHaveCount(0);

    const body = request.postDataBuffer()!.toString("utf8").replace(/"version"\r\n\r\n1/, '"version"\r\n\r\n2').replace("negotiating", "site_visit");
    const response = await viewer.page.request.post(request.url(), {
      headers: { "next-action": request.headers()["next-action"]!, "content-type": request.headers()["content-type"]!, accept: "text/x-component", "accept-language": "en-US" },
      data: body,
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('"ok":false,"message":"You do not have permission to do this."');
    await viewer.page.goto(`/projects/${id}`);
    await expect(viewer.page.getByTestId("project-stage")).toHaveText("Negotiating");
    await expect(viewer.page.getByRole("region", { name: "Move to another stage" })).toHaveCount(0);
    await viewer.context.close();
  });

  test("two people move the same card: one wins, the other sees a conflict and the true stage", async ({ browser }) => {
    const first = await contextAs(browser, "staff");
    const name = `Conflict Test ${unique()}`;
    await createProject(first.page, { name, stage: "Negotiating", amount: "8", unit: "10k yuan (万元)" });
    const second = await contextAs(browser, "manager");
    await Promise.all([openBoard(first.page), openBoard(second.page)]);
    await expect(card(column(second.page, "Negotiating"), name)).toBeVisible();

    // Two windows are open; the menu moves the card without depending on which one has focus.
    await chooseMove(column(first.page, "Negotiating").getByRole("combobox", { name: `Move ${name} to` }), { label: "Site visit" });
    await expect(first.page.getByText(`${name} moved to Site visit.`).first()).toBeVisible();

    // The second board still shows the card where it was; its move is stale.
    await chooseMove(column(second.page, "Negotiating").getByRole("combobox", { name: `Move ${name} to` }), { label: "Intent / MoU" });
    await expect(second.page.getByText(`Someone else moved ${name} first. It is at Site visit; the board shows it there now.`).first()).toBeVisible();
    await expect(card(column(second.page, "Site visit"), name)).toBeVisible();
    await expect(card(column(second.page, "Intent / MoU"), name)).toHaveCount(0);
    await first.context.close();
    await second.context.close();
  });

  test("an oversized or disallowed evidence file is refused with a message and nothing is stored", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "manager");
    const name = `Evidence Test ${unique()}`;
    const id = await createProject(page, { name, stage: "Signed", amount: "2", unit: "100M yuan (亿元)" });
    const moveForm = page.getByRole("region", { name: "Move to another stage" });
    await moveForm.getByLabel("New stage").selectOption({ label: "Registered" });
    const file = moveForm.getByLabel("Evidence file");

    // A web page behind a borrowed PDF header: the file does not end like a PDF.
    await file.setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n<html><script>alert(1)</script></html>\n") });
    await moveForm.getByRole("button", { name: "Move", exact: true }).click();
    await expect(file).toHaveAccessibleDescription(/Only PDF, JPEG and PNG files are accepted\./);

    await file.setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ this is not a PDF") });
    await moveForm.getByRole("button", { name: "Move", exact: true }).click();
    await expect(file).toHaveAccessibleDescription(/Only PDF, JPEG and PNG files are accepted\./);

    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    // From disk: the browser reads the file itself instead of receiving 10 MB over the protocol,
    // which can take longer than an action's time-out on a loaded machine.
    const scan = test.info().outputPath("scan.pdf");
    await writeFile(scan, big);
    await file.setInputFiles(scan);
    await moveForm.getByRole("button", { name: "Move", exact: true }).click();
    await expect(file).toHaveAccessibleDescription(/This file is larger than 10 MB\./);

    await page.reload();
    await expect(page.getByTestId("project-stage")).toHaveText("Signed");
    const history = page.getByRole("list", { name: "Stage changes, newest first" }).getByRole("listitem");
    await expect(history).toHaveCount(1);
    await expect(history.first()).toContainText("Started at Signed");
    expect(page.url()).toContain(id);
    await context.close();
  });

  test("a long column shows 25 cards and the rest on demand, by keyboard, on the board and in the list; a move keeps what was loaded", async ({ browser }) => {
    test.slow();
    // staff2 (storage team) owns these; the board is filtered to "owner: me", so other specs' cards do not interleave.
    const { context, page } = await contextAs(browser, "staff2");
    const tag = unique();
    const name = (i: number) => `Show More ${tag} ${String(i).padStart(2, "0")}`;
    await page.goto("/enterprises/new");
    await page.getByLabel("English name").fill(`Show More Co ${tag}`);
    await page.getByRole("button", { name: "Create enterprise" }).click();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    const enterpriseId = page.url().split("/").at(-1)!;

    // The first project through the form, watched to learn the create action's wire format…
    await page.goto(`/projects/new?enterprise=${enterpriseId}`);
    await page.getByLabel("Project name").fill(name(0));
    await page.getByLabel("Starting stage").selectOption({ label: "Site visit" });
    await page.getByLabel("Planned investment").fill("1");
    await page.getByLabel("Unit").selectOption({ label: "10k yuan (万元)" });
    const [create] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      page.getByRole("button", { name: "Create project" }).click(),
    ]);
    await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
    const body = create.postDataBuffer()!.toString("utf8");
    expect(body).toContain(name(0));
    // …then 29 more through the same action over HTTP, each newer than the one before.
    for (let i = 1; i < 30; i++) {
      const response = await page.request.post(create.url(), {
        headers: { "next-action": create.headers()["next-action"]!, "content-type": create.headers()["content-type"]!, accept: "text/x-component", "accept-language": "en-US" },
        data: body.replaceAll(name(0), name(i)),
      });
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain('"ok":true');
    }

    await openBoard(page, "/pipeline?owner=me");
    const site = column(page, "Site visit");
    const { count } = await totals(page, "Site visit");
    expect(count).toBeGreaterThanOrEqual(30);
    // The 30 are the column's newest: 29 … 05 on the first page, 04 … 00 after it.
    await expect(site.locator("[data-project-id]")).toHaveCount(25);
    await expect(card(site, name(29))).toBeVisible();
    await expect(card(site, name(4))).toHaveCount(0);
    await expect(site.getByText(`25 of ${count} shown`)).toBeVisible();

    const more = site.getByRole("button", { name: "Show more in Site visit" });
    await more.focus();
    await page.keyboard.press("Enter");
    const loaded = Math.min(count, 50);
    await expect(site.locator("[data-project-id]")).toHaveCount(loaded);
    await expect(card(site, name(0))).toBeVisible();
    await expect(page.locator("[role=status]", { hasText: /more projects? shown in Site visit\./ })).toHaveCount(1);
    const ids = await site.locator("[data-project-id]").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-project-id")));
    expect(new Set(ids).size).toBe(ids.length);
    if (count <= 50) {
      // The button is gone with the last page: focus goes to the first card it brought.
      await expect(more).toHaveCount(0);
      await expect(card(site, name(4)).getByRole("link", { name: name(4) })).toBeFocused();
    } else {
      await expect(more).toBeFocused();
    }

    // A move goes through the query cache: the action's answer does not carry the page again,
    // and the refetch after it keeps the cards "Show more" loaded.
    // The answer is read on its way to the page (a streamed answer's body cannot be read afterwards).
    const answers: string[] = [];
    await page.route("**/pipeline**", async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
      const response = await route.fetch();
      const text = await response.text();
      answers.push(text);
      await route.fulfill({ response, body: text });
    });
    await chooseMove(site.getByRole("combobox", { name: `Move ${name(0)} to` }), { label: "Intent / MoU" });
    await expect(page.getByText(`${name(0)} moved to Intent / MoU.`).first()).toBeVisible();
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('"ok":true');
    expect(answers[0]).not.toContain(name(1));
    await page.unrouteAll();
    await expect(card(column(page, "Intent / MoU"), name(0))).toBeVisible();
    // Read on to the depth shown before: every card loaded is still there (a page boundary may bring one more).
    await expect(site.locator("[data-project-id]")).toHaveCount(Math.min(count - 1, loaded));
    await expect(site.getByTestId("column-totals").locator("span").first()).toHaveText(`${count - 1} projects`);
    await expect(card(site, name(1))).toBeVisible();

    // The list pages the same way, stage by stage.
    await page.goto("/pipeline?owner=me&view=list");
    await expect(page.locator("[data-list-ready=true]")).toBeVisible();
    const rows = page.locator("tbody[data-stage=site_visit] tr[data-project-id]");
    await expect(rows).toHaveCount(25);
    await page.getByRole("button", { name: "Show more in Site visit" }).click();
    await expect(rows).toHaveCount(Math.min(count - 1, 50));
    await expect(page.getByRole("link", { name: name(1), exact: true })).toBeVisible();
    await context.close();
  });

  test("a confidential project of the storage team is invisible to staff of the NEV team", async ({ browser, page }) => {
    const secretId = seededId("project:zq-home-storage");
    const secretName = "户用储能系统产线项目（保密）";
    const staff = await contextAs(browser, "staff");
    const response = await staff.page.goto(`/projects/${secretId}`);
    expect(response?.status()).toBe(404);
    await staff.page.goto("/pipeline?status=all");
    await expect(column(staff.page, "Intent / MoU")).toBeVisible();
    await expect(staff.page.getByText(secretName)).toHaveCount(0);
    const theirs = await (await staff.page.request.get("/api/pipeline?status=all")).json();
    await staff.context.close();

    // The storage team's manager sees it, and the column total includes it.
    await signIn(page, "manager2", `/projects/${secretId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(secretName);
    const ours = await (await page.request.get("/api/pipeline?status=all")).json();
    type Col = { stage: string; count: number; totalCny: string };
    const intent = (d: { columns: Col[] }) => d.columns.find((c) => c.stage === "intent")!;
    expect(theirs.cards.some((c: { id: string }) => c.id === secretId)).toBe(false);
    expect(ours.cards.some((c: { id: string }) => c.id === secretId)).toBe(true);
    expect(intent(ours).count - intent(theirs).count).toBe(1);
    const fen = (s: string) => BigInt(s.replace(".", ""));
    expect(fen(intent(ours).totalCny) - fen(intent(theirs).totalCny)).toBe(22_000_000_000n);
  });
});
