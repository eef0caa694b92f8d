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
