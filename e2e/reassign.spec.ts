import { expect, test } from "@playwright/test";
import { signIn, storageStatePath } from "./support";

// The second admin (孙丽) owns nothing of the demo data and is used by no other spec to create
// records: what they own here is this test's, and handing it to the first admin (刘洋) moves
// nothing another test relies on.
test("an admin previews a person's work and reassigns it in one step", async ({ browser }) => {
  test.slow();
  const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const giver = await browser.newContext();
  const asGiver = await giver.newPage();
  await signIn(asGiver, "admin2");
  // Whatever language admin2 last chose: the form is found by its fields' names.
  await asGiver.goto("/enterprises/new");
  await asGiver.locator('input[name="nameEn"]').fill(`Reassign Test Co ${u}`);
  await asGiver.locator('form button[type="submit"]').first().click();
  await expect(asGiver).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  const enterprisePath = new URL(asGiver.url()).pathname;
  await giver.close();

  const context = await browser.newContext({ storageState: storageStatePath("admin"), locale: "en" });
  const page = await context.newPage();
  await page.goto("/admin/people");
  // The demo data has a staff member of the same name: the e-mail tells them apart.
  await page.getByRole("listitem").filter({ hasText: "admin2@landfall.example" }).getByRole("link", { name: "Reassign 孙丽's work" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reassign 孙丽's work");
  // The preview: what they own, per kind.
  const preview = page.getByRole("definition").filter({ hasText: /\d/ });
  await expect(preview).toHaveCount(4);
  const count = (kind: string) => page.locator(`[data-kind="${kind}"] dd`);
  const enterprises = Number(await count("enterprises").textContent());
  expect(enterprises).toBeGreaterThanOrEqual(1);
  const total = (await Promise.all(["followUps", "projects", "enterprises", "delegations"].map(async (k) => Number(await count(k).textContent())))).reduce((a, b) => a + b, 0);

  await page.getByLabel("Give to").selectOption({ label: "刘洋 (admin@landfall.example)" });
  await page.getByRole("button", { name: `Reassign ${total} ${total === 1 ? "item" : "items"}` }).click();
  await expect(page.getByText("Saved").first()).toBeVisible();
  // Everything moved: the preview now counts nothing, and the enterprise names its new owner.
  await expect(page.getByText("孙丽 owns nothing to reassign.")).toBeVisible();
  await page.goto(enterprisePath);
  await expect(page.getByText("刘洋").first()).toBeVisible();
  await context.close();
});
