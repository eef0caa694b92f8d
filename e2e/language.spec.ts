import { expect, test } from "@playwright/test";
import { openUserMenu, signIn, signInAtIdp } from "./support";

test("switching language changes the whole UI and is remembered after signing out and in", async ({ page }) => {
  await signIn(page, "admin2");
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Enterprises" })).toBeVisible();

  await openUserMenu(page);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("企业");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const nav = page.getByRole("navigation", { name: "栏目" });
  for (const label of ["企业", "活动", "代表团", "走访", "我的今日", "项目库", "项目盘点"]) await expect(nav).toContainText(label);
  await expect(page.getByRole("columnheader", { name: "名称" })).toBeVisible();
  await expect(page.getByText("Enterprises", { exact: true })).toHaveCount(0);

  // Sign out; the browser still says en-US, but the choice lives on the user.
  await openUserMenu(page);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("您已退出登录");
  await page.context().clearCookies();
  await page.goto("/enterprises");
  await signInAtIdp(page, "admin2");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("企业");

  await openUserMenu(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enterprises");
});
