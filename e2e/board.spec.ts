import { expect, type Page, test } from "@playwright/test";
import { card, column, contextAs, createProject, openBoard, unique } from "./board-steps";

// The board's layout at a desk and on a phone, and moving cards without a mouse: from the keyboard
// and with a finger on a tablet.

const STAGES = {
  en: ["Lead", "Negotiating", "Site visit", "Intent / MoU", "Signed", "Registered", "Land allocated", "Construction started", "In production"],
  "zh-CN": ["线索", "在谈", "考察", "意向", "签约", "注册", "供地", "开工", "投产"],
} as const;

const LEGEND = { en: /^Stage totals are planned investment in CNY (thousand|million), converted at today's rates\.$/, "zh-CN": /^各阶段合计为按今日汇率折算的计划投资额，单位：(万元|亿元)。$/ };
const INSTRUCTIONS = {
  en: "To move a project to another stage, press Space on its drag handle, choose the stage with the Left and Right arrow keys, then press Space to drop it there, or Escape to cancel.",
  "zh-CN": "要将项目移至其他阶段：在拖动手柄上按空格键，用左右方向键选择阶段，再按空格键放下；按 Esc 键取消。",
};

/** The document itself never scrolls sideways: whatever does not fit scrolls inside the board. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/**
 * A card picked up from the keyboard listens for the arrow keys from the next turn of the page's
 * event loop on; a timer set now runs after that one, so the next key press is not lost. A person
 * pressing keys is never that fast.
 */
const pickedUp = (page: Page) => page.evaluate(() => new Promise((done) => setTimeout(done, 0)));

const stageHeading = (page: Page, stage: string) => page.getByRole("heading", { level: 2, name: stage, exact: true });

for (const locale of ["en", "zh-CN"] as const) {
  test(`at 1440 px (${locale}) all nine stages, the landed ones too, are on screen, totals in one named unit, and the page does not scroll sideways`, async ({ browser }, testInfo) => {
    const { context, page } = await contextAs(browser, "staff", { viewport: { width: 1440, height: 900 }, locale });
    await openBoard(page);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    for (const stage of STAGES[locale]) await expect(stageHeading(page, stage)).toBeInViewport();
    await expect(column(page, STAGES[locale][5])).toBeInViewport();
    await expect(column(page, STAGES[locale][8])).toBeInViewport();
    await expectNoSidewaysScroll(page);
    // The board fits: it has nothing to scroll either, and no stage picker is needed.
    const board = page.locator("[data-board-ready=true]");
    expect(await board.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: locale === "en" ? "Go to stage" : "跳至阶段" })).toBeHidden();
    // The columns' totals are plain numbers in the one unit the legend names.
    await expect(page.getByText(LEGEND[locale])).toBeVisible();
    for (const total of await page.getByTestId("column-totals").locator("span[title]").all()) await expect(total).toHaveText(/^[\d,]+\.\d\d\s/);
    // What a screen reader says about the handles, in the page's language.
    await expect(page.locator("[id^=drag-help]")).toHaveText(INSTRUCTIONS[locale]);
    await testInfo.attach(`board-${locale}-1440`, { body: await page.screenshot(), contentType: "image/png" });
    await context.close();
  });
}

test("at 390 px the page does not scroll sideways and every stage is reached with the stage picker, or by scrolling the board", async ({ browser }, testInfo) => {
  const { context, page } = await contextAs(browser, "staff", { viewport: { width: 390, height: 844 }, hasTouch: true });
  await openBoard(page);
  await expectNoSidewaysScroll(page);
  const board = page.locator("[data-board-ready=true]");
  expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  const picker = page.getByRole("navigation", { name: "Go to stage" });
  for (const stage of [...STAGES.en.slice(1), STAGES.en[0]]) {
    const button = picker.getByRole("button", { name: new RegExp(`^${stage.replace(/[/]/g, "\\/")} \\d+$`) });
    await button.click();
    await expect(stageHeading(page, stage)).toBeInViewport({ ratio: 1 });
    await expect(button).toHaveAttribute("aria-current", "true");
    await expectNoSidewaysScroll(page);
  }

  // Scrolled by hand to its end, the board shows the last stage.
  await board.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(stageHeading(page, "In production")).toBeInViewport({ ratio: 1 });
  await expect(picker.getByRole("button", { name: /^In production \d+$/ })).toHaveAttribute("aria-current", "true");
  await expectNoSidewaysScroll(page);
  await testInfo.attach("board-en-390", { body: await page.screenshot(), contentType: "image/png" });
  await context.close();
});

test("a keyboard drag (Space, Right arrow, Space on the card's handle) moves a project to the next stage, and it stays there after reload", async ({ browser }) => {
  // The manager's projects: e2e/pipeline.spec.ts counts the staff's in these stages meanwhile.
  const { context, page } = await contextAs(browser, "manager");
  const name = `Keyboard Test ${unique()}`;
  await createProject(page, { name, stage: "Negotiating", amount: "3", unit: "10k yuan (万元)" });
  await openBoard(page);

  const status = (text: string) => page.locator("[role=status]", { hasText: text });
  await card(column(page, "Negotiating"), name).getByRole("button", { name: `Drag ${name}` }).focus();
  await page.keyboard.press("Space");
  await expect(status(`Picked up ${name} in Negotiating.`)).toHaveCount(1);
  await pickedUp(page);
  await page.keyboard.press("ArrowRight");
  await expect(status(`${name} is over Site visit. Press Space to drop it there.`)).toHaveCount(1);
  await page.keyboard.press("Space");

  const moved = card(column(page, "Site visit"), name);
  await expect(moved).toBeVisible();
  await expect(page.getByText(`${name} moved to Site visit.`).first()).toBeVisible();
  // Focus stays with the card, in its new stage, for the next move.
  await expect(moved.getByRole("button", { name: `Drag ${name}` })).toBeFocused();

  // Escape puts a picked-up card back where it was.
  await page.keyboard.press("Space");
  await expect(status(`Picked up ${name} in Site visit.`)).toHaveCount(1);
  await pickedUp(page);
  await page.keyboard.press("ArrowRight");
  await expect(status(`${name} is over Intent / MoU.`)).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(status(`Moving ${name} was cancelled. It stays in Site visit.`)).toHaveCount(1);

  await page.reload();
  await expect(card(column(page, "Site visit"), name)).toBeVisible();
  await expect(card(column(page, "Negotiating"), name)).toHaveCount(0);
  await expect(card(column(page, "Intent / MoU"), name)).toHaveCount(0);
  await context.close();
});

test("on a touch screen a card dragged by its handle moves to another stage", async ({ browser }) => {
  // A tablet held landscape: the board shows a few columns and scrolls on its own.
  const { context, page } = await contextAs(browser, "manager", { viewport: { width: 1024, height: 768 }, hasTouch: true });
  const name = `Touch Test ${unique()}`;
  await createProject(page, { name, stage: "Negotiating", amount: "4", unit: "10k yuan (万元)" });
  await openBoard(page);
  await expectNoSidewaysScroll(page);

  const handle = card(column(page, "Negotiating"), name).getByRole("button", { name: `Drag ${name}` });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await column(page, "Site visit").boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + 20 };
  // Real touch events, as a finger sends them: down on the handle, moved in steps, lifted.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    const point = { x: start.x + ((end.x - start.x) * i) / steps, y: start.y + ((end.y - start.y) * i) / steps };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [point] });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });

  await expect(card(column(page, "Site visit"), name)).toBeVisible();
  await expect(page.getByText(`${name} moved to Site visit.`).first()).toBeVisible();
  await expect(card(column(page, "Negotiating"), name)).toHaveCount(0);
  await context.close();
});
