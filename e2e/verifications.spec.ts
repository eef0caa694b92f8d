import { type Browser, expect, type Page, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { axe, type Persona, storageStatePath } from "./support";

// The verification queue (/verifications) and the sections' menu on a phone.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** A calendar day in Asia/Shanghai, `daysAgo` days before today, as a date input takes it. */
const shanghaiDay = (daysAgo = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(Date.now() - daysAgo * 86_400_000);

type Language = "en" | "zh-CN";

async function openAs(browser: Browser, persona: Persona, language: Language = "en", width = 1440) {
  const context = await browser.newContext({ storageState: storageStatePath(persona), locale: language, viewport: { width, height: 900 } });
  await context.addCookies([{ name: "NEXT_LOCALE", value: language, url: BASE_URL }]);
  return { context, page: await context.newPage() };
}

/** A fresh enterprise and a project of it at Signed, then a request to move it into Registered, all through the forms. */
async function requestRegistration(page: Page, name: string) {
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(`Queue Test Co ${unique()}`);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  const enterpriseId = page.url().split("/").at(-1)!;
  await page.goto(`/projects/new?enterprise=${enterpriseId}`);
  await page.getByLabel("Project name").fill(name);
  await page.getByLabel("Starting stage").selectOption({ label: "Signed" });
  await page.getByLabel("Signing date").fill(shanghaiDay(1));
  await page.getByLabel("Planned investment").fill("3");
  await page.getByLabel("Unit").selectOption({ label: "100M yuan (亿元)" });
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1)!;
  await page.getByLabel("New stage").selectOption({ label: "Registered" });
  await page.getByLabel("Reason (optional)").fill("The project company has its business licence");
  await page.getByRole("button", { name: "Request verification" }).click();
  await expect(page.getByRole("region", { name: "Waiting for verification" })).toBeVisible();
  return id;
}

const history = (page: Page) => page.getByRole("list", { name: "Stage changes, newest first" }).getByRole("listitem");
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("a manager approves one request with a PDF and rejects another from the queue; both leave it, and the requester sees the decisions", async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await openAs(browser, "staff");
  const approveName = `Queue Approve ${unique()}`;
  const rejectName = `Queue Reject ${unique()}`;
  const approveId = await requestRegistration(staff.page, approveName);
  const rejectId = await requestRegistration(staff.page, rejectName);
  // Staff decide nothing: no queue in their navigation, no badge.
  const staffNav = staff.page.getByRole("navigation", { name: "Sections" });
  await expect(staffNav.getByRole("link", { name: "Pipeline review" })).toBeVisible();
  await expect(staffNav.getByRole("link", { name: /Verifications/ })).toHaveCount(0);
  await expect(staff.page.getByTestId("nav-badge")).toHaveCount(0);

  const { context, page } = await openAs(browser, "manager");
  await page.goto("/enterprises");
  const queueLink = page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: /^Verifications/ });
  const badge = queueLink.getByTestId("nav-badge");
  await expect(badge).toBeVisible();
  expect(Number(await badge.locator("[aria-hidden]").textContent())).toBeGreaterThanOrEqual(2);
  await expect(queueLink).toHaveAccessibleName(/^Verifications \d+ requests? awaits? your decision$/);
  await queueLink.click();
  await expect(page).toHaveURL(/\/verifications$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verifications");
  await expect(queueLink).toHaveAttribute("aria-current", "page");

  // Oldest first: the two new requests are the last two, in the order they were made.
  const items = page.getByRole("list", { name: "Requests waiting, oldest first" }).getByRole("article");
  const names = await items.getByRole("heading", { level: 2 }).allTextContents();
  expect(names.indexOf(approveName)).toBeGreaterThanOrEqual(0);
  expect(names.indexOf(approveName)).toBeLessThan(names.indexOf(rejectName));

  const approve = page.getByRole("article", { name: approveName });
  await expect(approve).toContainText("Signed → Registered");
  await expect(approve).toContainText("李明");
  await expect(approve).toContainText("under a day");
  await expect(approve).toContainText("The project company's business licence");
  await expect(approve).toContainText("The project company has its business licence");
  await expect(approve.getByRole("link", { name: approveName })).toHaveAttribute("href", `/projects/${approveId}`);
  await approve.getByLabel("Evidence file").setInputFiles({ name: "business-licence.pdf", mimeType: "application/pdf", buffer: PDF });
  await approve.getByRole("button", { name: "Approve" }).click();
  await expect(approve).toHaveCount(0);

  const reject = page.getByRole("article", { name: rejectName });
  // Rejecting asks for the note first; the request stays until it has one.
  await reject.getByRole("button", { name: "Reject" }).click();
  await expect(reject.getByLabel("Note")).toHaveAccessibleDescription(/This field is required\./);
  await reject.getByLabel("Note").fill("The licence names another company");
  await reject.getByRole("button", { name: "Reject" }).click();
  await expect(reject).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("article", { name: approveName })).toHaveCount(0);
  await expect(page.getByRole("article", { name: rejectName })).toHaveCount(0);

  await page.goto(`/projects/${approveId}`);
  await expect(page.getByTestId("project-stage")).toHaveText("Registered");
  await expect(history(page).first()).toContainText("Verified by 张伟");
  await expect(history(page).first().getByRole("link", { name: "Evidence: business-licence.pdf" })).toBeVisible();
  await context.close();

  // The staff member who asked sees each decision on the project.
  await staff.page.goto(`/projects/${approveId}`);
  await expect(staff.page.getByTestId("project-stage")).toHaveText("Registered");
  await expect(staff.page.getByRole("region", { name: "Waiting for verification" })).toHaveCount(0);
  await expect(history(staff.page).first()).toContainText("Signed → Registered");
  await expect(history(staff.page).first()).toContainText("Verified by 张伟");
  await staff.page.goto(`/projects/${rejectId}`);
  await expect(staff.page.getByTestId("project-stage")).toHaveText("Signed");
  await expect(staff.page.getByRole("region", { name: "Waiting for verification" })).toHaveCount(0);
  const rejected = history(staff.page).first();
  await expect(rejected).toContainText("Rejected");
  await expect(rejected).toContainText("Rejected by 张伟");
  await expect(rejected).toContainText("The licence names another company");
  await staff.context.close();
});

const SECTIONS: Record<Language, [label: string, path: string][]> = {
  en: [
    ["Enterprises", "/enterprises"],
    ["Events", "/events"],
    ["Delegations", "/delegations"],
    ["Visits", "/visits"],
    ["My day", "/my-day"],
    ["Pipeline", "/pipeline"],
    ["Pipeline review", "/review"],
    ["Verifications", "/verifications"],
  ],
  "zh-CN": [
    ["企业", "/enterprises"],
    ["活动", "/events"],
    ["代表团", "/delegations"],
    ["走访", "/visits"],
    ["我的今日", "/my-day"],
    ["项目库", "/pipeline"],
    ["项目盘点", "/review"],
    ["待核验", "/verifications"],
  ],
};

for (const language of ["en", "zh-CN"] as const) {
  test(`at 390 px every section is reached from the menu, without sideways scrolling (${language})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const zh = language === "zh-CN";
    const { context, page } = await openAs(browser, "manager", language, 390);
    await page.goto("/enterprises");
    const nav = page.getByRole("navigation", { name: zh ? "栏目" : "Sections" });
    const menu = nav.getByRole("button", { name: new RegExp(`^${zh ? "菜单" : "Menu"}`) });
    const box = await menu.boundingBox();
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    // Closed, the sections are out of sight; the badge is on the button.
    await expect(nav.getByRole("link")).toHaveCount(0);
    await expect(menu.getByTestId("nav-badge")).toBeVisible();
    const list = page.locator(`#${await menu.getAttribute("aria-controls")}`);

    // Escape closes the menu and gives focus back to the button.
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(list).toBeVisible();
    await expect(list.getByRole("link")).toHaveText(SECTIONS[language].map(([label]) => new RegExp(`^${label}(\\d|$)`)));
    await list.getByRole("link").first().focus();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(list).toBeHidden();

    for (const [label, path] of SECTIONS[language]) {
      await menu.click();
      await nav.getByRole("link", { name: new RegExp(`^${label}( \\d|$)`) }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      // Moving on closes the menu.
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      expect({ path, fits: await noSidewaysScroll(page) }).toEqual({ path, fits: true });
    }

    // The open menu passes axe's serious and critical rules.
    await menu.click();
    const result = await axe(page).include("header").analyze();
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await context.close();
  });
}

test("from 768 px the sections stay inline, with no menu button", async ({ browser }) => {
  const { context, page } = await openAs(browser, "staff", "en", 768);
  await page.goto("/enterprises");
  const nav = page.getByRole("navigation", { name: "Sections" });
  await expect(nav.getByRole("button")).toBeHidden();
  for (const [label] of SECTIONS.en.slice(0, 7)) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  expect(await noSidewaysScroll(page)).toBe(true);
  await context.close();
});

test("screenshots of the queue and the navigation, at 1440, 768 and 390 px, in both languages", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  for (const language of ["zh-CN", "en"] as const) {
    for (const width of [1440, 768, 390]) {
      const { context, page } = await openAs(browser, "manager", language, width);
      await page.goto("/verifications");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const shots = [`verifications-${language}-${width}`];
      await page.screenshot({ path: testInfo.outputPath(`${shots[0]}.png`), fullPage: true });
      if (width === 390) {
        await page.getByRole("button", { name: new RegExp(`^${language === "en" ? "Menu" : "菜单"}`) }).click();
        shots.push(`verifications-${language}-${width}-menu`);
        await page.screenshot({ path: testInfo.outputPath(`${shots[1]}.png`) });
      }
      for (const name of shots) await testInfo.attach(name, { path: testInfo.outputPath(`${name}.png`), contentType: "image/png" });
      await context.close();
    }
  }
});
