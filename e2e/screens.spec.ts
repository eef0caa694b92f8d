import { createHash } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { demoUser, type Persona, storageStatePath } from "./support";
import { DEMO_PASSWORD } from "../db/demo-users";

// Small things users notice, each checked as they see it, in both languages and at a desk's and a phone's width.

/** The seed's deterministic ids (db/seed.ts stableId), without importing the seeding code. */
function seededId(key: string) {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const WIDTHS = [1440, 390] as const;
const LOCALES = ["en", "zh-CN"] as const;
type Locale = (typeof LOCALES)[number];

async function openAs(browser: Browser, persona: Persona, locale: Locale, width: number) {
  const context = await browser.newContext({ storageState: storageStatePath(persona), locale, viewport: { width, height: 900 } });
  return { context, page: await context.newPage() };
}

const fact = (page: Page, label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd");

/** Today on the bureau's calendar (YYYY-MM-DD). */
const shanghaiToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

for (const width of WIDTHS) {
  for (const locale of LOCALES) {
    const zh = locale === "zh-CN";

    test(`a project's source event is a link to it (${width} px, ${locale})`, async ({ browser }) => {
      const { context, page } = await openAs(browser, "manager", locale, width);
      // 开沃新能源商用车零部件配套项目 came from the Lishui docking meeting.
      await page.goto(`/projects/${seededId("project:kaiwo-parts")}`);
      const source = fact(page, zh ? "来源活动或代表团" : "Source event or delegation");
      const event = zh ? "“聚‘溧’同行·‘智’创未来”欧洲企业溧水产业对接会" : "European Enterprises Lishui Industrial Docking Meeting";
      await source.getByRole("link", { name: event }).click();
      await expect(page).toHaveURL(new RegExp(`/events/${seededId("event:lishui-2023")}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(event);
      await context.close();
    });

    test(`a contact's language reads as its name (${width} px, ${locale})`, async ({ browser }) => {
      const { context, page } = await openAs(browser, "viewer", locale, width);
      await page.goto(`/enterprises/${seededId("enterprise:huawei")}`);
      const contacts = page.locator("#contacts");
      const miller = contacts.getByRole("article", { name: "Daniel Miller" });
      await expect(miller).toContainText(zh ? "英语" : "English");
      await page.goto(`/enterprises/${seededId("enterprise:byd")}`);
      const lin = page.locator("#contacts").getByRole("article", { name: "林志强" });
      await expect(lin).toContainText(zh ? "中文" : "Chinese");
      await expect(page.locator("#contacts")).not.toContainText("zh-CN");
      await context.close();
    });

    test(`a viewer's My day offers nothing to add (${width} px, ${locale})`, async ({ browser }) => {
      const { context, page } = await openAs(browser, "viewer", locale, width);
      await page.goto("/my-day");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh ? "我的今日" : "My day");
      await expect(page.getByRole("heading", { level: 2, name: zh ? /今日行程/ : /Today's itinerary/ })).toBeVisible();
      await expect(page.locator("main")).not.toContainText(zh ? "添加" : /\badd\b/i);
      await expect(page.getByText(zh ? "新建跟进事项" : "New follow-up")).toHaveCount(0);
      await context.close();
    });

    test(`the enterprise timeline's Load more adds entries below (${width} px, ${locale})`, async ({ browser }) => {
      const { context, page } = await openAs(browser, "viewer", locale, width);
      await page.goto(`/enterprises/${seededId("enterprise:byd")}`);
      const entries = page.locator("#timeline li[data-kind]");
      const first = await entries.allTextContents();
      expect(first).toHaveLength(15);
      await page.locator("#timeline").getByRole("link", { name: zh ? "加载更多" : "Load more" }).click();
      await expect(entries).not.toHaveCount(15);
      const both = await entries.allTextContents();
      expect(both.slice(0, 15)).toEqual(first);
      await context.close();
    });
  }
}

for (const width of WIDTHS) {
  test(`My day lists today's itinerary stops and adds a follow-up (${width} px)`, async ({ browser }) => {
    test.setTimeout(90_000);
    const { context, page } = await openAs(browser, "staff", "en", width);
    const today = shanghaiToday();
    const name = `今日接待 ${unique()}`;
    await page.goto("/delegations/new");
    await page.getByRole("radio", { name: "Inbound" }).check();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Leader", { exact: true }).fill("Sofia Bianchi");
    await page.getByLabel("First day").fill(today);
    await page.getByLabel("Last day").fill(today);
    await page.getByRole("button", { name: "Create delegation" }).click();
    await expect(page).toHaveURL(/\/delegations\/[0-9a-f-]{36}$/);
    const stopForm = page.getByRole("form", { name: "Add a stop" });
    await stopForm.getByLabel("Day").fill(today);
    await stopForm.getByLabel("Time", { exact: true }).fill("23:30");
    await stopForm.getByRole("combobox", { name: "Enterprise" }).fill("比亚迪");
    await page.getByRole("option").filter({ hasText: "比亚迪股份有限公司" }).first().click();
    const place = `坪山总部 ${unique()}`;
    await stopForm.getByLabel("Place").fill(place);
    await stopForm.getByRole("button", { name: "Add stop" }).click();
    await expect(page.getByTestId("itinerary-stop").filter({ hasText: place })).toBeVisible();
    // A stop abroad the same Beijing day: 06:00 in Ulm is 13:00 (12:00 in summer) in Beijing.
    const abroad = `Voltaria Batterie GmbH, Ulm ${unique()}`;
    await stopForm.getByLabel("Day").fill(today);
    await stopForm.getByLabel("Time", { exact: true }).fill("06:00");
    await stopForm.getByLabel("Place").fill(abroad);
    await expect(stopForm.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
    await stopForm.getByRole("button", { name: "Add stop" }).click();
    await expect(page.getByTestId("itinerary-stop").filter({ hasText: abroad })).toBeVisible();

    await page.goto("/my-day");
    const stops = page.getByRole("region", { name: /Today's itinerary/ });
    const stop = stops.getByTestId("my-day-stop").filter({ hasText: place });
    await expect(stop).toContainText("23:30");
    await expect(stop).toContainText("BYD Co., Ltd.");
    await expect(stop.getByRole("link", { name })).toBeVisible();
    const stopAbroad = stops.getByTestId("my-day-stop").filter({ hasText: abroad });
    await expect(stopAbroad).toContainText(/06:00 CES?T/);
    await expect(stopAbroad).toContainText(/Beijing time 1[23]:00/);

    const title = `回访比亚迪 ${unique()}`;
    await page.getByText("New follow-up", { exact: true }).click();
    await page.getByRole("combobox", { name: "Enterprise" }).fill("比亚迪");
    await page.getByRole("option").filter({ hasText: "比亚迪股份有限公司" }).first().click();
    await page.getByLabel("What needs doing?").fill(title);
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByRole("region", { name: /^Today \(/ }).getByText(title)).toBeVisible();
    await context.close();
  });
}

test.describe("the demo sign-in page", () => {
  for (const locale of LOCALES) {
    test(`speaks the browser's language and switches (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto("/enterprises");
      const zh = locale === "zh-CN";
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh ? "Landfall 演示登录" : "Landfall demo sign-in");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      // The switch turns to the other language, and signing in works in it.
      await page.getByRole("navigation").getByRole("link", { name: zh ? "English" : "中文" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", zh ? "en" : "zh-CN");
      await page.getByLabel(zh ? "Email" : "电子邮箱").fill(demoUser("viewer").email);
      await page.getByLabel(zh ? "Password" : "密码").fill("wrong");
      await page.getByRole("button", { name: zh ? "Sign in" : "登录" }).click();
      await expect(page.getByRole("alert")).toHaveText(zh ? "Unknown e-mail address or wrong password." : "电子邮箱不存在或密码错误。");
      await page.getByLabel(zh ? "Password" : "密码").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: zh ? "Sign in" : "登录" }).click();
      await expect(page).toHaveURL(/\/enterprises$/);
      await context.close();
    });
  }
});

/**
 * Tap targets shorter than 44 px on the page as shown: buttons, links that stand alone (not a
 * link inside a sentence), fields, summaries and options.
 */
async function shortTargets(page: Page, within?: string): Promise<string[]> {
  return page.evaluate((within) => {
    const found: string[] = [];
    const targets = within
      ? [...document.querySelectorAll(within)].flatMap((root) => [...root.querySelectorAll<HTMLElement>("button, a[href], input:not([type=hidden]), select, textarea, summary")])
      : document.querySelectorAll<HTMLElement>("main button, main a[href], main input:not([type=hidden]), main select, main textarea, main summary, header button, header a[href], header summary, nav a[href]");
    for (const el of targets) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      if (el.closest("[aria-hidden=true]")) continue;
      // What a closed <details> holds is not on screen until it opens.
      const closed = el.closest("details:not([open])");
      if (closed && el.tagName !== "SUMMARY") continue;
      const inline = getComputedStyle(el).display === "inline";
      // A link inside running text is exempt (WCAG 2.5.8): its line is the target's neighbourhood.
      if (inline && el.tagName === "A" && el.parentElement && el.parentElement.textContent!.trim() !== el.textContent!.trim()) continue;
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
        const label = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null);
        if (label && label.getBoundingClientRect().height >= 44) continue;
      }
      if (box.height < 43.5) found.push(`${el.tagName.toLowerCase()} “${(el.textContent || el.getAttribute("aria-label") || (el as HTMLInputElement).name || "").trim().slice(0, 30)}” ${Math.round(box.height)} px`);
    }
    return found;
  }, within);
}

test.describe("at 390 px every tap target is at least 44 px high", () => {
  for (const locale of LOCALES) {
    test(`the visit form, My day, an enterprise and a project (${locale})`, async ({ browser }) => {
      const { context, page } = await openAs(browser, "staff", locale, 390);
      const zh = locale === "zh-CN";
      await page.goto("/visits/new");
      await page.getByRole("combobox", { name: zh ? "企业" : "Enterprise" }).first().fill("比亚迪");
      await page.getByRole("option").filter({ hasText: "比亚迪股份有限公司" }).first().click();
      const change = page.getByRole("button", { name: zh ? "更换" : "Change" }).first();
      await expect(change).toBeVisible();
      expect((await change.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      expect(await shortTargets(page)).toEqual([]);
      const short: string[] = [];
      for (const path of ["/my-day", "/review?year=2025", `/projects/${seededId("project:kaiwo-parts")}`, `/enterprises/${seededId("enterprise:byd")}`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        short.push(...(await shortTargets(page)).map((target) => `${path}: ${target}`));
      }
      expect(short).toEqual([]);
      await context.close();
    });

    test(`the pipeline's filters, the import page, the merge dialog and the review targets (${locale})`, async ({ browser }) => {
      const { context, page } = await openAs(browser, "manager", locale, 390);
      const zh = locale === "zh-CN";
      const short: string[] = [];
      // The board's cards are the board's own; its filters sit above it, each a label around a select.
      await page.goto("/pipeline");
      await expect(page.getByRole("combobox", { name: zh ? "小组" : "Team" })).toBeVisible();
      short.push(...(await shortTargets(page, "main label:has(> select):not(li *)")).map((target) => `/pipeline filters: ${target}`));
      for (const path of ["/enterprises/import", "/review/targets"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        short.push(...(await shortTargets(page)).map((target) => `${path}: ${target}`));
      }
      await page.goto(`/enterprises/${seededId("enterprise:byd")}`);
      await page.getByRole("button", { name: zh ? "合并到…" : "Merge into…" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      short.push(...(await shortTargets(page, "[role=dialog]")).map((target) => `merge dialog: ${target}`));
      expect(short).toEqual([]);
      await context.close();
    });
  }
});
