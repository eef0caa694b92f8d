import { expect, type Page, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { freshCalendarFeed, storageStatePath } from "./support";

// What the browser actually receives: the headers, the session cookie, and a Content Security
// Policy that lets the app run (no violation anywhere on a tour of the app) while refusing
// injected script.

test.use({ storageState: storageStatePath("manager") });

/** Collects CSP violations as the page reports them, and the console's "Refused to …" lines. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportViolation", (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${location.pathname} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return seen;
}

/** Next's client runtime sets window.next once its (nonce-carrying) scripts have run. */
const hydrated = (page: Page) => page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

test("pages carry a nonce-based policy and the fixed security headers; every script has the nonce", async ({ page }) => {
  const response = await page.goto("/enterprises");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(directive(csp, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(directive(csp, "form-action")).toMatch(/^form-action 'self' http:\/\/localhost:\d+$/);
  expect(csp).not.toContain("unsafe-eval");
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
  // Plain http: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Every script the server sent carries the nonce. Scripts the page's own code adds later
  // (route chunks) are trusted through 'strict-dynamic' and need none.
  const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

  // A new nonce on every request.
  const again = await page.goto("/enterprises");
  expect(again!.headers()["content-security-policy"]).not.toBe(csp);
});

test("route handlers and static files carry the fixed security headers too", async ({ page, request }) => {
  for (const path of ["/api/health", `/api/calendar/${"A".repeat(43)}`]) {
    const response = await request.get(path);
    expect(response.headers(), path).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
  }
  await page.goto("/enterprises");
  const asset = await page.locator('script[src*="/_next/static/"]').first().getAttribute("src");
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin" });
});

test("the session cookie is HttpOnly and SameSite=Lax, and outlives the idle time-out while in use", async ({ page, context }) => {
  await page.goto("/my-day");
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  // Over plain http the browser would drop a Secure cookie; https is covered in lib/auth/session-policy.test.ts.
  expect(await page.evaluate(() => document.cookie)).not.toContain("authjs.session-token");
});

test("the session endpoint answers who is signed in, never the session token or the calendar-feed token", async ({ page, context }) => {
  // Give the manager a calendar feed, so there is a feed token that could leak.
  await page.goto("/enterprises");
  const feed = await freshCalendarFeed(page);
  const address = feed.getByRole("textbox", { name: "Calendar feed address" });
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
  const feedToken = (await address.inputValue()).split("/").at(-1)!;
  const sessionToken = (await context.cookies()).find((c) => c.name === "authjs.session-token")!.value;

  // What any script on the page can read.
  const text = await page.evaluate(() => fetch("/api/auth/session").then((r) => r.text()));
  const body = JSON.parse(text) as { expires: string; user: Record<string, unknown> };
  expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
  expect(Object.keys(body.user).sort()).toEqual(["email", "id", "name", "role"]);
  expect(body.user).toMatchObject({ email: "manager@landfall.example", name: "张伟", role: "manager" });
  expect(text).not.toContain(sessionToken);
  expect(text).not.toContain(feedToken);

  await feed.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("Calendar feed turned off")).toBeVisible();
});

test("a server action posted from another site is refused with 403 and writes nothing", async ({ page }) => {
  // Learn the create action's wire format from a real submission, stopped before it leaves the browser.
  const name = `Cross Site Co ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await page.goto("/enterprises/new");
  let captured: { action: string; contentType: string; body: string } | undefined;
  await page.route("**/enterprises/new", async (route) => {
    const request = route.request();
    const headers = request.headers();
    if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
    captured = { action: headers["next-action"], contentType: headers["content-type"]!, body: request.postDataBuffer()!.toString("utf8") };
    return route.abort();
  });
  await page.getByLabel("English name").fill(name);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute("**/enterprises/new");
  expect(captured!.body).toContain(name);

  const send = (from: Record<string, string>) =>
    page.request.post("/enterprises/new", {
      headers: { "next-action": captured!.action, "content-type": captured!.contentType, accept: "text/x-component", "accept-language": "en-US", ...from },
      data: captured!.body,
    });
  const listed = async () => {
    await page.goto(`/enterprises?q=${encodeURIComponent(name)}`);
    return page.getByRole("link", { name, exact: true }).count();
  };

  const elsewhere: Record<string, string>[] = [{ origin: "http://evil.example" }, { referer: "http://evil.example/page" }, { origin: "null" }];
  for (const from of elsewhere) {
    const refused = await send(from);
    expect(refused.status(), JSON.stringify(from)).toBe(403);
    expect(await refused.text()).toBe("Forbidden: this request came from another site.");
  }
  expect(await listed()).toBe(0);

  // The same request from our own origin goes through: the refusal above was the origin's doing.
  const accepted = await send({ origin: BASE_URL });
  expect(accepted.status()).toBe(200);
  expect(await accepted.text()).toContain('"ok":true');
  expect(await listed()).toBe(1);
});

test("injected markup cannot run script: inline event handlers are refused", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/enterprises");
  await hydrated(page);
  // Markup smuggled into the page (the usual XSS) brings inline event handlers with it.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img alt="" src="data:," onerror="window.__pwned = 1">');
  });
  await expect.poll(() => violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-attr blocked inline/)]));
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("a tour of the app runs with no policy violation: lists, records, charts, the board, the printout", async ({ page }) => {
  test.setTimeout(60_000);
  const violations = await watchViolations(page);

  for (const path of ["/enterprises", "/events", "/visits", "/my-day", "/pipeline"]) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  // Charts (SVG drawn in the browser).
  await page.goto("/review?year=2025");
  await hydrated(page);
  await expect(page.locator("svg.chart-surface").first()).toBeVisible();

  // A record, then the delegation printout.
  await page.goto("/enterprises");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}/);
  await hydrated(page);
  await page.goto("/delegations");
  await page.getByRole("link", { name: /Stuttgart/ }).click();
  await expect(page).toHaveURL(/\/delegations\/[0-9a-f-]{36}/);
  await page.getByRole("link", { name: "Printable itinerary" }).click();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await hydrated(page);

  expect(violations).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in pages carry the policy too", async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto("/signed-out");
    expect(response!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    await hydrated(page);
    expect(violations).toEqual([]);
  });
});
