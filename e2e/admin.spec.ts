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

// Two pages of the admin's session stand for two admins: the language is the browser's (English).
test("a team renamed behind an open rename form: the form shows their names beside the typed ones, takes theirs and saves", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("admin") });
  const mine = await context.newPage();
  const theirs = await context.newPage();
  const code = `e2e-${unique()}`;
  const nameZh = `冲突小组${code}`;
  await mine.goto("/admin/teams");
  const create = mine.getByRole("form", { name: "New team" });
  await create.getByLabel("Code").fill(code);
  await create.getByLabel("Chinese name").fill(nameZh);
  await create.getByLabel("English name").fill(`Conflict team ${code}`);
  await create.getByRole("button", { name: "Save" }).click();
  const item = mine.getByRole("listitem", { name: nameZh });
  await expect(item).toBeVisible();

  // Both open the rename form on the same version; the other one saves first.
  await item.getByText("Rename", { exact: true }).click();
  const form = item.getByRole("form", { name: `Rename ${nameZh}` });
  await theirs.goto("/admin/teams");
  const other = theirs.getByRole("listitem", { name: nameZh });
  await other.getByText("Rename", { exact: true }).click();
  await other.getByLabel("Chinese name").fill(`对方的名字${code}`);
  await other.getByRole("button", { name: "Save" }).click();
  await expect(theirs.getByRole("listitem", { name: `对方的名字${code}` })).toBeVisible();

  await form.getByLabel("English name").fill(`My name ${code}`);
  await form.getByRole("button", { name: "Save" }).click();
  const panel = form.getByRole("alert").filter({ hasText: "Someone else saved this while you were editing it" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("刘洋");
  // Their Chinese name beside the one the form had; their English name beside the typed one.
  await expect(panel.getByRole("row", { name: /^Chinese name/ })).toContainText(`对方的名字${code}`);
  await expect(panel.getByRole("row", { name: /^Chinese name/ })).toContainText(nameZh);
  await expect(panel.getByRole("row", { name: /^English name/ })).toContainText(`Conflict team ${code}`);
  await expect(panel.getByRole("row", { name: /^English name/ })).toContainText(`My name ${code}`);
  // Nothing typed is lost, and nothing of theirs was overwritten.
  await expect(form.getByLabel("English name")).toHaveValue(`My name ${code}`);
  await theirs.reload();
  await expect(theirs.getByRole("listitem", { name: `对方的名字${code}` })).toContainText(`Conflict team ${code}`);

  await panel.getByRole("button", { name: "Use their version" }).click();
  await expect(panel).toBeHidden();
  await expect(form.getByText("The form now shows the latest saved version.")).toBeVisible();
  await expect(form.getByLabel("Chinese name")).toHaveValue(`对方的名字${code}`);
  await expect(form.getByLabel("English name")).toHaveValue(`Conflict team ${code}`);
  await form.getByLabel("English name").fill(`Agreed name ${code}`);
  await form.getByRole("button", { name: "Save" }).click();
  const renamed = mine.getByRole("listitem", { name: `对方的名字${code}` });
  await expect(renamed).toContainText(`对方的名字${code} · Agreed name ${code}`);
  await context.close();
});
