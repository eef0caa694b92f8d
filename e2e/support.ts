import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, type DemoRole } from "../db/demo-users";
import { BASE_URL, IDP_PORT } from "../playwright.config";

export const IDP_URL = new RegExp(`^http://localhost:${IDP_PORT}/`);

export type Persona = DemoRole | "staff2" | "manager2" | "admin2" | "outsider";

export function demoUser(persona: Persona) {
  const email = persona === "outsider" ? "outsider@partner.example" : `${persona}@landfall.example`;
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

export const storageStatePath = (persona: Persona) => `e2e/.auth/${persona}.json`;

/** The real redirect flow: app → identity provider's login form → back to the app. */
export async function signInAtIdp(page: Page, persona: Persona, idpUrl = IDP_URL) {
  await expect(page).toHaveURL(idpUrl);
  await page.getByLabel("Email").fill(demoUser(persona).email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, persona: Persona, path = "/enterprises") {
  await page.goto(path);
  await signInAtIdp(page, persona);
  await page.waitForURL((url) => url.href.startsWith(BASE_URL) && !url.pathname.startsWith("/api/auth"));
}

/** Opens the account menu (a <details>) unless it is already open. */
export async function openUserMenu(page: Page) {
  const menu = page.locator("details", { has: page.locator("summary[data-user-menu]") });
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator("summary").click();
}

/**
 * Opens the user menu and gives the person a fresh calendar feed address (turning the feed on, or
 * making a new link); returns the panel. The panel loads when the menu first opens.
 */
export async function freshCalendarFeed(page: Page) {
  await openUserMenu(page);
  const feed = page.getByRole("region", { name: "Calendar feed" });
  const turnOn = feed.getByRole("button", { name: "Turn on calendar feed" });
  const newLink = feed.getByRole("button", { name: "New link" });
  await expect(turnOn.or(newLink)).toBeVisible();
  if (await turnOn.isVisible()) await turnOn.click();
  else await newLink.click();
  return feed;
}

/** Runs `work` over `items` with at most `limit` in flight: a test's requests never flood the server. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/**
 * axe with the WCAG 2.0/2.1 A and AA rules, reporting violations only. It runs in the page itself
 * (axe.run, "legacy mode"): the default opens a blank page after every run to merge the results of
 * each frame, which costs twice the run itself, and Landfall's pages have no frames
 * (Content-Security-Policy frame-src 'none').
 */
export function axe(page: Page) {
  return new AxeBuilder({ page }).setLegacyMode(true).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).options({ resultTypes: ["violations"] });
}
