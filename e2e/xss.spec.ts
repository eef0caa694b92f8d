import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { freshCalendarFeed, storageStatePath } from "./support";

/*
 * Stored cross-site scripting: hostile text saved through the real forms is shown as text on
 * every page that renders it, and never runs. staff2 (storage team) does the typing, so no
 * other spec's records or calendar feed are touched.
 */

test.use({ storageState: storageStatePath("staff2") });

const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const TAG = `XSS${u}`;
const P = {
  img: `${TAG} img <img src=x onerror="window.__xss=1">`,
  script: `${TAG} script <script>window.__xss=1</script>`,
  svg: `${TAG} svg "><svg onload=window.__xss=1>`,
  attr: `${TAG} attr ' onmouseover='window.__xss=1' x='`,
};
const year = new Date().getFullYear() + 1;
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

const dialogs: string[] = [];

/** Opens a page and checks that nothing hostile ran or became markup. */
async function assertInert(page: Page, url: string, shown: string[] = []) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await page.waitForLoadState("load");
  for (const text of shown) await expect(page.getByText(text, { exact: false }).first(), `${url} shows ${text}`).toBeVisible();
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: unknown }).__xss,
    handlers: document.querySelectorAll("[onerror], [onload], [onmouseover]").length,
    injectedImages: document.querySelectorAll('img[src="x"]').length,
    injectedSvg: [...document.querySelectorAll("svg")].filter((s) => s.hasAttribute("onload")).length,
    injectedScripts: [...document.scripts].filter((s) => s.textContent?.trim() === "window.__xss=1").length,
    javascriptLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
  }));
  expect(found, url).toEqual({ ran: undefined, handlers: 0, injectedImages: 0, injectedSvg: 0, injectedScripts: 0, javascriptLinks: 0 });
  expect(dialogs, url).toEqual([]);
}

test("hostile text saved through the forms is shown literally and never runs", async ({ page }) => {
  test.setTimeout(240_000);
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // An enterprise; a javascript: website is refused by the form.
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(P.img);
  await page.getByLabel("Chinese name").fill(P.svg);
  await page.getByLabel("Website").fill("javascript:window.__xss=1");
  await page.getByLabel("Notes").fill(P.script);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page.getByLabel("Website")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Website").fill("");
  await page.getByRole("button", { name: "Create enterprise" }).click();
  const warning = page.getByRole("button", { name: "Save anyway" });
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  expect(await warning.count()).toBe(0);
  const enterpriseUrl = new URL(page.url()).pathname;
  const enterpriseId = enterpriseUrl.split("/").at(-1)!;

  // A contact.
  const contacts = page.locator("#contacts");
  await contacts.getByRole("button", { name: "Add contact" }).click();
  const contactForm = contacts.getByRole("form", { name: "Add contact" });
  await contactForm.getByLabel("Name").fill(P.attr);
  await contactForm.getByLabel("Job title").fill(P.img);
  await contactForm.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByText("Contact added")).toBeVisible();

  // A visit with a next step due today (a follow-up on my day and in the calendar feed).
  await page.goto("/visits/new");
  await page.getByRole("combobox", { name: "Enterprise" }).fill(TAG);
  await page.getByRole("listbox").getByRole("option").filter({ hasText: TAG }).first().click();
  await page.getByLabel("Place").fill(P.svg);
  await page.getByLabel("Summary").fill(P.img);
  await page.getByLabel("Outcome").fill(P.script);
  await page.getByRole("button", { name: "Add a next step" }).click();
  await page.getByLabel("What needs doing?").fill(P.script);
  await page.getByLabel("Due on").fill(today);
  await page.getByRole("button", { name: "Save visit" }).click();
  await expect(page.getByText("Visit logged")).toBeVisible();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  const visitUrl = new URL(page.url()).pathname;

  // An event.
  await page.goto("/events/new");
  await page.getByLabel("Kind").selectOption({ label: "Docking meeting" });
  await page.getByLabel("English name").fill(P.svg);
  await page.getByLabel("Chinese name").fill(P.img);
  await page.getByLabel("Starts on").fill(`${year}-05-12`);
  await page.getByLabel("Ends on").fill(`${year}-05-12`);
  await page.getByLabel("City").fill(P.attr);
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}$/);
  const eventUrl = new URL(page.url()).pathname;

  // A delegation with a stop at the enterprise, for the printable itinerary.
  await page.goto("/delegations/new");
  await page.getByRole("radio", { name: "Outbound" }).check();
  await page.getByLabel("Name", { exact: true }).fill(P.img);
  await page.getByLabel("Leader", { exact: true }).fill(P.svg);
  await page.getByLabel("Destination").fill(P.script);
  await page.getByLabel("First day").fill(`${year}-05-22`);
  await page.getByLabel("Last day").fill(`${year}-05-24`);
  await page.getByRole("button", { name: "Create delegation" }).click();
  await expect(page).toHaveURL(/\/delegations\/[0-9a-f-]{36}$/);
  const delegationId = page.url().split("/").at(-1)!;
  const stop = page.getByRole("form", { name: "Add a stop" });
  await stop.getByLabel("Day").fill(`${year}-05-22`);
  await stop.getByLabel("Time", { exact: true }).fill("10:00");
  await stop.getByRole("combobox", { name: "Enterprise" }).fill(TAG);
  await page.getByRole("listbox").getByRole("option").filter({ hasText: TAG }).first().click();
  await stop.getByLabel("Place").fill(P.attr);
  await stop.getByRole("button", { name: "Add stop" }).click();
  await expect(page.getByTestId("itinerary-stop")).toHaveCount(1);

  // A project.
  await page.goto(`/projects/new?enterprise=${enterpriseId}`);
  await page.getByLabel("Project name").fill(P.svg);
  await page.getByLabel("Planned investment").fill("100");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const projectUrl = new URL(page.url()).pathname;

  // A saved view.
  await page.goto(`/enterprises?q=${TAG}`);
  await page.locator("summary", { hasText: "Saved views" }).click();
  await page.getByLabel("Save this view").fill(P.svg);
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(page.getByText("View saved")).toBeVisible();

  // Every page that renders them.
  await assertInert(page, `/enterprises?q=${TAG}`, [P.img]);
  await page.locator("summary", { hasText: "Saved views" }).click();
  await expect(page.getByRole("link", { name: P.svg })).toBeVisible();
  await assertInert(page, enterpriseUrl, [P.img, P.svg, P.script, P.attr]);
  await expect(page.locator("#timeline")).toContainText(P.img);
  await assertInert(page, visitUrl, [P.img, P.script]);
  await assertInert(page, "/visits", [P.img]);
  await assertInert(page, "/my-day", [P.script]);
  await assertInert(page, eventUrl, [P.svg, P.attr]);
  await assertInert(page, "/events");
  await assertInert(page, `/delegations/${delegationId}`, [P.img, P.svg, P.attr]);
  await assertInert(page, "/delegations");
  await assertInert(page, `/delegations-print/${delegationId}`, [P.img, P.attr]);
  await assertInert(page, projectUrl, [P.svg]);
  await assertInert(page, "/pipeline?status=all", [P.svg]);
  await assertInert(page, "/pipeline?view=list&status=all", [P.svg]);
  await assertInert(page, "/review");
  await assertInert(page, "/review/alerts");

  // The CSV export is a download of text, never a page the browser would render.
  const csv = await page.request.get(`/api/enterprises/export?q=${TAG}`);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(csv.headers()["x-content-type-options"]).toBe("nosniff");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(await csv.text()).toContain(P.img.replaceAll('"', '""'));

  // The calendar feed carries the follow-up as iCalendar text.
  await page.goto("/enterprises");
  const feed = await freshCalendarFeed(page);
  const address = feed.getByRole("textbox", { name: "Calendar feed address" });
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  const ics = await page.request.get(await address.inputValue());
  expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
  // iCalendar folds long lines with CRLF + space; unfold before looking for the text.
  expect((await ics.text()).replace(/\r\n[ \t]/g, "")).toContain(P.script);
});

test("no component renders HTML from a string", () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(tsx?|jsx?)$/.test(name) && readFileSync(file, "utf8").includes("dangerouslySetInnerHTML")) offenders.push(file);
    }
  };
  for (const dir of ["app", "components"]) walk(dir);
  expect(offenders).toEqual([]);
});
