import { expect, type Page, test } from "@playwright/test";
import { withCreditCodeCheck } from "../lib/enterprises/credit-code";
import { storageStatePath } from "./support";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Creates an enterprise through the form (a manager may: role ≥ staff) and returns its page's path. */
async function createEnterprise(page: Page, fields: { nameEn: string; city?: string; creditCode?: string }) {
  await page.goto("/enterprises/new");
  await page.getByLabel("English name").fill(fields.nameEn);
  if (fields.city) await page.getByLabel("City").fill(fields.city);
  if (fields.creditCode) await page.getByLabel("Unified social credit code").fill(fields.creditCode);
  await page.getByRole("button", { name: "Create enterprise" }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fields.nameEn);
  return new URL(page.url()).pathname;
}

test.describe("as a manager", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("merges a duplicate into the record that stays, then restores it from the Deleted page", async ({ page }) => {
    const u = unique();
    const keep = `Merge Keep ${u}`;
    const dup = `Merge Dup ${u}`;
    const serial = `${Date.now() % 1_000_000}`.padStart(6, "0") + `${Math.floor(Math.random() * 1000)}`.padStart(3, "0");
    const creditCode = withCreditCodeCheck(`91320117${serial}`);
    const keepPath = await createEnterprise(page, { nameEn: keep });
    const dupPath = await createEnterprise(page, { nameEn: dup, city: "溧水", creditCode });

    // On the duplicate's page: choose the survivor, see both side by side, confirm.
    await page.getByRole("button", { name: "Merge into…" }).click();
    const dialog = page.getByRole("dialog", { name: "Merge into another enterprise" });
    await dialog.getByLabel("Enterprise to keep").fill(keep);
    await dialog.getByRole("button", { name: new RegExp(`^${keep}`) }).click();
    await expect(dialog.getByRole("region", { name: "Stays" })).toContainText(keep);
    await expect(dialog.getByRole("region", { name: "Merged away" })).toContainText(dup);
    await expect(dialog).toContainText(creditCode);
    await dialog.getByRole("button", { name: "Merge", exact: true }).click();

    await expect(page.getByText(`“${dup}” was merged into this enterprise`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${keepPath}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(keep);
    await expect(page.getByRole("main")).toContainText(creditCode);
    expect((await page.goto(dupPath))?.status()).toBe(404);

    // The Deleted page says where it went; restoring brings it back.
    await page.goto("/enterprises/deleted");
    const row = page.getByRole("row", { name: new RegExp(dup) });
    await expect(row.getByRole("link", { name: keep })).toHaveAttribute("href", keepPath);
    await row.getByRole("button", { name: `Restore: ${dup}` }).click();
    const confirm = page.getByRole("dialog", { name: `Restore “${dup}”?` });
    await expect(confirm).toContainText(`move back from “${keep}”`);
    await confirm.getByRole("button", { name: "Restore", exact: true }).click();
    await expect(page.getByText(`“${dup}” restored`)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(dup) })).toHaveCount(0);

    expect((await page.goto(dupPath))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(dup);
    await expect(page.getByRole("main")).toContainText(creditCode);
  });

  test("deleting asks first, then the record is gone from the list and its page", async ({ page }) => {
    const name = `Delete Me ${unique()}`;
    const path = await createEnterprise(page, { nameEn: name });
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Delete “${name}”?` });
    // Escape cancels: nothing is deleted.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await dialog.getByRole("button", { name: "Delete enterprise" }).click();

    await expect(page.getByText(`“${name}” deleted`)).toBeVisible();
    await expect(page).toHaveURL(/\/enterprises$/);
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
    expect((await page.goto(path))?.status()).toBe(404);
    await page.goto("/enterprises/deleted");
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Deleted");
  });
});

test.describe("as staff", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("there are no merge or delete buttons and the Deleted page is not found", async ({ page }) => {
    const path = await createEnterprise(page, { nameEn: `Staff Own ${unique()}` });
    await expect(page.getByRole("button", { name: "Merge into…" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
    expect((await page.goto("/enterprises/deleted"))?.status()).toBe(404);
    expect((await page.goto(path))?.status()).toBe(200);
  });
});
