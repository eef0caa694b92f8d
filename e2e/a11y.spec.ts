import { createHash } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { axe, type Persona, storageStatePath } from "./support";

/*
 * axe (WCAG 2.0/2.1 A and AA rules) on every main page, in both languages: no violation of
 * impact "serious" or "critical". The language is chosen with the NEXT_LOCALE cookie, which the
 * app honours for people who have not saved a language of their own (lib/i18n/request.ts).
 */

function seededId(key: string) {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const enterprise = seededId("enterprise:byd");
const event = seededId("event:lishui-2023");
const delegation = seededId("delegation:zhaoqing-shenzhen-2023");
const visit = seededId("visit:lishui-kaiwo");
const project = seededId("project:zq-cathode");

// The manager of the NEV team may open every page but administration, and edit these records.
const LISTS = ["/enterprises", "/events", "/events?sort=signed", "/delegations", "/visits", "/my-day", "/pipeline", "/pipeline?view=list", "/pipeline?view=list&status=all&reached=signed&owner=none", "/verifications"];
const DETAILS = [
  `/enterprises/${enterprise}`,
  `/events/${event}`,
  `/delegations/${delegation}`,
  `/delegations-print/${delegation}`,
  `/visits/${visit}`,
  `/projects/${project}`,
];
const FORMS = [
  "/enterprises/new",
  `/enterprises/${enterprise}/edit`,
  "/enterprises/import",
  "/enterprises/deleted",
  "/events/new",
  `/events/${event}/edit`,
  "/delegations/new",
  `/delegations/${delegation}/edit`,
  "/visits/new",
  `/visits/${visit}/edit`,
  `/projects/new?enterprise=${enterprise}`,
  `/projects/${project}/edit`,
];
const REVIEW = ["/review", "/review/alerts", "/review/chains", "/review/targets", "/review/monthly?month=2026-10", "/review/people", `/review/people/${seededId("user:staff")}`];
const ADMIN = ["/admin/chains", "/admin/teams", "/admin/people", "/admin/rates"];

const LANGUAGES = ["zh-CN", "en"] as const;
type Language = (typeof LANGUAGES)[number];

async function openAs(browser: Browser, persona: Persona, language: Language) {
  const context = await browser.newContext({ storageState: storageStatePath(persona) });
  await context.addCookies([{ name: "NEXT_LOCALE", value: language, url: BASE_URL }]);
  return { context, page: await context.newPage() };
}

/** The serious and critical violations on the page, one readable line per element. */
async function violations(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  // Every rule runs; only violations are reported in full (passes would be serialised node by
  // node and thrown away).
  const result = await axe(page).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map((n) => `${path}: [${v.impact}] ${v.id}: ${v.help}\n    at ${n.target.join(" ")}\n    ${n.failureSummary?.replace(/\n/g, "\n    ")}`),
    );
}

async function audit(browser: Browser, persona: Persona, language: Language, paths: string[]) {
  const { context, page } = await openAs(browser, persona, language);
  const found: string[] = [];
  for (const path of paths) {
    found.push(...(await violations(page, path)));
    await expect(page.locator("html"), path).toHaveAttribute("lang", language);
  }
  await context.close();
  return found;
}

for (const language of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test("lists and the board", async ({ browser }) => {
      test.setTimeout(180_000);
      expect((await audit(browser, "manager", language, LISTS)).join("\n")).toBe("");
    });

    test("detail pages and the printable itinerary", async ({ browser }) => {
      test.setTimeout(180_000);
      expect((await audit(browser, "manager", language, DETAILS)).join("\n")).toBe("");
    });

    test("forms", async ({ browser }) => {
      test.setTimeout(240_000);
      expect((await audit(browser, "manager", language, FORMS)).join("\n")).toBe("");
    });

    test("pipeline review", async ({ browser }) => {
      test.setTimeout(180_000);
      expect((await audit(browser, "manager", language, REVIEW)).join("\n")).toBe("");
    });
  });
}

// Administration needs the admin. No test saves a language for this account (the language test
// uses admin2), so the cookie decides and each page is checked in both languages.
test("administration pages", async ({ browser }) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  for (const language of LANGUAGES) found.push(...(await audit(browser, "admin", language, ADMIN)));
  expect(found.join("\n")).toBe("");
});
