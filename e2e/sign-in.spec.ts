import { expect, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";
import { IDP_URL, openUserMenu, signIn, signInAtIdp } from "./support";

test("opening the app sends you to the identity provider and back to the enterprise list", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(IDP_URL);
  await expect(page).toHaveTitle(/Landfall demo sign-in/);
  await signInAtIdp(page, "staff");

  await expect(page).toHaveURL(`${BASE_URL}/enterprises`);
  await expect(page.getByRole("heading", { name: "Enterprises" })).toBeVisible();
  // Other tests add enterprises, which push the seeded ones off the first page: find BYD as a person would.
  await page.getByRole("searchbox", { name: "Search" }).fill("BYD");
  await expect(page).toHaveURL(/q=BYD/);
  const byd = page.getByRole("row").filter({ hasText: "BYD Co., Ltd." });
  await expect(byd).toContainText("比亚迪股份有限公司");

  await openUserMenu(page);
  await expect(page.getByTestId("user-name")).toHaveText("李明");
  await expect(page.getByTestId("user-role")).toHaveText("Staff");
});

test("a wrong password at the identity provider does not sign in", async ({ page }) => {
  await page.goto("/enterprises");
  await page.getByLabel("Email").fill("staff@landfall.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("p[role=alert]")).toBeVisible();
  await expect(page).toHaveURL(IDP_URL);
});

test("an account from a domain that is not allowed sees a clear refusal and gets no session", async ({ page }) => {
  await page.goto("/enterprises");
  await signInAtIdp(page, "outsider");
  await expect(page.getByRole("heading", { name: "Sign-in refused" })).toBeVisible();
  await expect(page.getByTestId("denied-reason")).toContainText("e-mail domain is not allowed");

  await page.goto("/enterprises");
  await expect(page).toHaveURL(IDP_URL);
});

test("signing out ends the session on the server, not just in this browser", async ({ page, browser }) => {
  await signIn(page, "manager");
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name === "authjs.session-token" && c.httpOnly)).toBe(true);

  await openUserMenu(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();

  // Replaying the old session cookie from elsewhere gets nothing: the row is gone.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const other = await replay.newPage();
  await other.goto("/enterprises");
  await expect(other).toHaveURL(IDP_URL);
  await replay.close();
});
