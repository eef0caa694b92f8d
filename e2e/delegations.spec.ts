import ICAL from "ical.js";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { freshCalendarFeed, storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
// Next May: the trip is planned ahead, so its stops are in every calendar feed window.
const year = new Date().getFullYear() + 1;

test.use({ storageState: storageStatePath("staff") });

async function createDelegation(page: Page, name: string, days = { first: `${year}-05-22`, last: `${year}-05-24` }) {
  await page.goto("/delegations");
  await page.getByRole("link", { name: "New delegation" }).click();
  await page.getByRole("radio", { name: "Outbound" }).check();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Leader", { exact: true }).fill("徐晓雄");
  await page.getByLabel("Leader's title").fill("市长");
  await page.getByLabel("Destination").fill("深圳");
  await page.getByLabel("First day").fill(days.first);
  await page.getByLabel("Last day").fill(days.last);
  await page.getByLabel("Purpose").fill("新能源汽车、新型储能产业链招商考察");
  await page.getByRole("button", { name: "Create delegation" }).click();
  await expect(page.getByText("Delegation created")).toBeVisible();
  await expect(page).toHaveURL(/\/delegations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

async function addStop(page: Page, stop: { day: string; time: string; search: string; option: string; place: string }) {
  const form = page.getByRole("form", { name: "Add a stop" });
  await form.getByLabel("Day").fill(`${year}-05-${stop.day}`);
  await form.getByLabel("Time", { exact: true }).fill(stop.time);
  await form.getByRole("combobox", { name: "Enterprise" }).fill(stop.search);
  await page.getByRole("option").filter({ hasText: stop.option }).first().click();
  await form.getByLabel("Place").fill(stop.place);
  await form.getByRole("button", { name: "Add stop" }).click();
  await expect(page.getByTestId("itinerary-stop").filter({ hasText: stop.place })).toBeVisible();
}

test("the Zhaoqing mayor's outbound trip: itinerary, BYD stop done, visit logged, BYD timeline", async ({ page }) => {
  test.setTimeout(90_000);
  const name = `肇庆市长赴深圳招商考察 ${unique()}`;
  await createDelegation(page, name);
  await expect(page.getByTestId("delegation-direction")).toHaveText("Outbound");

  await addStop(page, { day: "22", time: "15:00", search: "深圳能源", option: "深圳能源集团股份有限公司", place: "深圳能源大厦" });
  await addStop(page, { day: "23", time: "09:30", search: "比亚迪", option: "比亚迪股份有限公司", place: "比亚迪坪山总部" });
  await addStop(page, { day: "23", time: "15:00", search: "昊能", option: "昊能科技有限公司", place: "昊能科技" });

  const stops = page.getByTestId("itinerary-stop");
  await expect(stops).toHaveCount(3);
  await expect(stops.nth(0)).toContainText("Shenzhen Energy Group");
  await expect(stops.nth(1)).toContainText("BYD Co., Ltd.");
  await expect(stops.nth(1)).toContainText("09:30");
  await expect(stops.nth(2)).toContainText("Haoneng Technology");

  // Reordering works from the keyboard: move Haoneng up, then back down.
  await page.getByRole("button", { name: "Move Haoneng Technology Co., Ltd. up" }).focus();
  await page.keyboard.press("Enter");
  await expect(stops.nth(1)).toContainText("Haoneng Technology");
  await page.getByRole("button", { name: "Move Haoneng Technology Co., Ltd. down" }).click();
  await expect(stops.nth(2)).toContainText("Haoneng Technology");

  // The delegation side of the two-way link.
  const linkForm = page.locator("#enterprises-title").locator("..");
  await linkForm.getByRole("combobox", { name: "Enterprise" }).fill("比亚迪");
  await page.getByRole("option").filter({ hasText: "比亚迪股份有限公司" }).first().click();
  await linkForm.getByLabel("Role").selectOption("visited");
  await linkForm.getByRole("button", { name: "Link enterprise" }).click();
  await expect(linkForm.getByRole("link", { name: "BYD Co., Ltd.", exact: true })).toBeVisible();

  // The leader's printout: the itinerary without the app's navigation.
  await page.getByRole("link", { name: "Printable itinerary" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.goBack();

  const delegationUrl = page.url();
  const bydHref = await stops.nth(1).getByRole("link", { name: "BYD Co., Ltd.", exact: true }).getAttribute("href");
  await page.getByRole("link", { name: "Mark done → log visit: BYD Co., Ltd." }).click();
  await expect(page).toHaveURL(/\/visits\/new\?stop=[0-9a-f-]{36}$/);

  // The visit form (built by the visits work) prefills from the stop.
  const summary = `座谈动力电池产能规划 ${unique()}`;
  const followUp = `提交动力电池基地二期项目方案 ${unique()}`;
  await page.getByLabel("Summary").fill(summary);
  await page.getByRole("button", { name: "Add a next step" }).click();
  await page.getByLabel("What needs doing?").fill(followUp);
  await page.getByLabel("Due on").fill(`${year}-06-30`);
  await page.getByRole("button", { name: "Save visit" }).click();
  await expect(page.getByText("Visit logged")).toBeVisible();

  // Back on the itinerary the stop is done and leads to its visit.
  await page.goto(delegationUrl);
  await expect(stops.nth(1)).toContainText("Done");
  await expect(stops.nth(1).getByRole("link", { name: "Open visit" })).toBeVisible();
  await expect(stops.nth(1).getByRole("link", { name: /Mark done/ })).toHaveCount(0);

  await page.goto(bydHref!);
  const timeline = page.locator("#timeline");
  await expect(timeline.locator('li[data-kind="delegation"]').filter({ hasText: name })).toBeVisible();
  await expect(timeline.locator('li[data-kind="visit"]').filter({ hasText: summary })).toBeVisible();
  await expect(timeline.locator('li[data-kind="followUp"]').filter({ hasText: followUp })).toBeVisible();
});

test("the personal calendar feed parses as iCalendar with the stops; a revoked address answers 404", async ({ page }) => {
  const name = `日历订阅测试团 ${unique()}`;
  await createDelegation(page, name);
  await addStop(page, { day: "23", time: "10:00", search: "比亚迪", option: "比亚迪股份有限公司", place: `比亚迪坪山总部 ${name}` });

  // On a phone the delegation page fits the width.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("itinerary-stop")).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The feed lives in the account menu.
  await page.goto("/enterprises");
  const feed = await freshCalendarFeed(page);
  const address = feed.getByRole("textbox", { name: "Calendar feed address" });
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  const url = await address.inputValue();

  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  const stop = events.find((e) => e.location === `比亚迪坪山总部 ${name}`);
  expect(stop?.summary).toContain(name);
  expect(stop?.startDate.toJSDate().toISOString()).toBe(`${year}-05-23T02:00:00.000Z`);

  await feed.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("Calendar feed turned off")).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);
  // An address that never existed looks the same.
  expect((await page.request.get(url.replace(/[^/]{43}$/, "x".repeat(43)))).status()).toBe(404);
});

test("a stop abroad: 10:00 in Ulm on a winter day reads 10:00 CET with Beijing time 17:00, on the page and the printout, with whom to ask for", async ({ page, browser }, testInfo) => {
  const name = `赴德国乌尔姆储能企业考察 ${unique()}`;
  await createDelegation(page, name, { first: `${year}-12-07`, last: `${year}-12-10` });
  const form = page.getByRole("form", { name: "Add a stop" });
  await form.getByLabel("Day").fill(`${year}-12-08`);
  await form.getByLabel("Time", { exact: true }).fill("10:00");
  // The zone follows the place as it is typed.
  await expect(form.getByLabel("Time zone")).toHaveValue("Asia/Shanghai");
  await form.getByLabel("Place").fill("Voltaria Batterie GmbH, Ulm");
  await expect(form.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await expect(form.getByTestId("stop-beijing-time")).toContainText("17:00");
  await form.getByLabel("Contact on site").fill("Katrin Weber");
  await form.getByLabel("Contact's phone").fill("+49 731 1234 560");
  await form.getByRole("combobox", { name: "Enterprise" }).fill("Voltaria");
  await page.getByRole("option").filter({ hasText: "Voltaria Batterie GmbH" }).first().click();
  await expect(form.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await form.getByRole("button", { name: "Add stop" }).click();

  const stop = page.getByTestId("itinerary-stop").filter({ hasText: "Voltaria Batterie GmbH, Ulm" });
  await expect(stop).toContainText("10:00 CET");
  await expect(stop).toContainText("Beijing time 17:00");
  await expect(stop.getByTestId("stop-contact")).toContainText("Katrin Weber");
  await expect(stop.getByRole("link", { name: "+49 731 1234 560" })).toHaveAttribute("href", "tel:+497311234560");
  const delegationUrl = page.url();
  await testInfo.attach("delegation-abroad-en", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // Logging the meeting as a visit: the form takes Beijing time and says the stop's own clock under it.
  await stop.getByRole("link", { name: /Mark done/ }).click();
  await expect(page).toHaveURL(/\/visits\/new\?stop=/);
  await expect(page.getByLabel("Date and time")).toHaveValue(`${year}-12-08T17:00`);
  await expect(page.getByTestId("visit-local-time")).toHaveText(`Local time ${year}-12-08 10:00 CET, Germany (Berlin); the time above is Beijing time.`);
  await page.goto(delegationUrl);

  await page.getByRole("link", { name: "Printable itinerary" }).click();
  const row = page.getByRole("row").filter({ hasText: "Voltaria Batterie GmbH, Ulm" });
  await expect(row).toContainText("10:00 CET");
  await expect(row).toContainText("Beijing time 17:00");
  await expect(row).toContainText("Katrin Weber · +49 731 1234 560");
  await testInfo.attach("itinerary-print-en", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // The same in Chinese.
  const zh = await chinese(browser);
  await zh.goto(delegationUrl);
  const zhStop = zh.getByTestId("itinerary-stop").filter({ hasText: "Voltaria Batterie GmbH, Ulm" });
  await expect(zhStop).toContainText("10:00 CET");
  await expect(zhStop).toContainText("北京时间 17:00");
  await testInfo.attach("delegation-abroad-zh", { body: await zh.screenshot({ fullPage: true }), contentType: "image/png" });
  await zh.goto(delegationUrl.replace("/delegations/", "/delegations-print/"));
  const zhRow = zh.getByRole("row").filter({ hasText: "Voltaria Batterie GmbH, Ulm" });
  await expect(zhRow).toContainText("10:00 CET");
  await expect(zhRow).toContainText("北京时间 17:00");
  await expect(zhRow).toContainText("Katrin Weber · +49 731 1234 560");
  await testInfo.attach("itinerary-print-zh", { body: await zh.screenshot({ fullPage: true }), contentType: "image/png" });
  await zh.context().close();
});

async function chinese(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStatePath("staff"), locale: "zh-CN" });
  return context.newPage();
}
