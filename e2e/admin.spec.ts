import { expect, test } from "@playwright/test";
import { signIn, storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test.describe("as a manager", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("administration pages answer 404", async ({ page }) => {
    for (const path of ["/admin", "/admin/chains", "/admin/people", "/admin/rates", "/admin/teams"]) {
      expect((await page.goto(path))?.status()).toBe(404);
    }
  });
});

// Labels in both languages: another test switches the admin's language while this one may run.
test("an admin adds a node, which shows on the chain map as a gap, then deletes it", async ({ page }) => {
  const code = `e2e-${unique()}`;
  const nameZh = `测试环节${code}`;
  await signIn(page, "admin", "/admin/chains");
  const chain = page.getByRole("region", { name: /^(新能源汽车|New-energy vehicles)$/ });
  const form = chain.getByRole("form", { name: /New node in|下新建环节/ });
  await form.getByRole("button", { name: /^(Add|添加)$/ }).click();
  await expect(form.getByLabel(/^(Code|代码)$/)).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel(/^(Code|代码)$/).fill(code);
  await form.getByLabel(/^(Chinese name|中文名称)$/).fill(nameZh);
  await form.getByLabel(/^(English name|英文名称)$/).fill(`Test node ${code}`);
  await form.getByRole("button", { name: /^(Add|添加)$/ }).click();
  await expect(chain.getByRole("listitem", { name: new RegExp(`${nameZh}|Test node ${code}`) })).toBeVisible();

  await page.goto("/review/chains");
  await expect(page.getByRole("listitem", { name: new RegExp(`${nameZh}|Test node ${code}`) })).toHaveAttribute("data-gap", "true");

  await page.goto("/admin/chains");
  const item = page.getByRole("listitem", { name: new RegExp(`${nameZh}|Test node ${code}`) });
  await item.getByRole("button", { name: /Delete|删除/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^(Delete|删除)$/ }).click();
  await expect(page.getByRole("listitem", { name: new RegExp(`${nameZh}|Test node ${code}`) })).toHaveCount(0);
});

// 郑雪 is a seeded colleague nobody signs in as, so no other test loses a session.
test("an admin deactivates a colleague and brings them back with their role and team", async ({ page }) => {
  await signIn(page, "admin", "/admin/people");
  const person = page.getByRole("listitem", { name: "郑雪" });
  await expect(person).toContainText(/Active|在用/);
  await person.getByRole("button", { name: /^(Deactivate|停用)$/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: /^(Deactivate|停用)$/ }).click();
  await expect(person).toContainText(/Deactivated|已停用/);
  await expect(person.getByRole("button", { name: /^(Deactivate|停用)$/ })).toHaveCount(0);

  await person.getByRole("button", { name: /^(Reactivate 郑雪|恢复启用郑雪)$/ }).click();
  await expect(page.getByText(/郑雪 can sign in again\.|郑雪已恢复，可以重新登录。/)).toBeVisible();
  await expect(person).toContainText(/Active|在用/);
  await expect(person.getByRole("button", { name: /^(Reactivate 郑雪|恢复启用郑雪)$/ })).toHaveCount(0);
  await expect(person.getByLabel(/^(Role|角色)$/)).toHaveValue("staff");
  await expect(person.getByLabel(/^(Team|小组)$/)).not.toHaveValue("");
});
