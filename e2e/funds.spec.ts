import { createHash } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { storageStatePath } from "./support";

/** The seed's deterministic ids (db/seed.ts stableId), without importing the seeding code. */
function seededId(key: string) {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

// Both are projects of the NEV team: Brembo's has signed and has no tranche yet, Avio's is a lead.
const signed = seededId("project:brembo-brakes");
const lead = seededId("project:avio-composites");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const funds = (page: Page) => page.getByRole("region", { name: "Funds in place" });

test.describe("as the NEV team's manager", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("a lead project says funds come after signing and offers no form", async ({ page }) => {
    await page.goto(`/projects/${lead}`);
    await expect(funds(page)).toContainText("Funds in place can be recorded once the project has reached Signed.");
    await expect(funds(page).getByRole("button", { name: "Add tranche" })).toHaveCount(0);
  });

  test("adds a tranche, corrects it with a reason, and deletes it with a reason", async ({ page }) => {
    const note = `E2E 首期 ${unique()}`;
    await page.goto(`/projects/${signed}`);
    const section = funds(page);
    await section.getByLabel("Amount").fill("123.45");
    await section.getByLabel("Note").fill(note);
    await section.getByRole("button", { name: "Add tranche" }).click();
    await expect(page.getByText("Tranche added")).toBeVisible();
    const tranche = section.getByRole("listitem").filter({ hasText: note });
    await expect(tranche).toContainText("CNY 1,234.50 thousand");

    // Correcting needs a reason; without one the dialog says so at the field and nothing changes.
    await tranche.getByRole("button", { name: /^Correct the tranche of / }).click();
    const correct = page.getByRole("dialog", { name: /^Correct the tranche of / });
    await correct.getByLabel("Amount").fill("130");
    await correct.getByRole("button", { name: "Save correction" }).click();
    await expect(correct.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
    await expect(correct.getByLabel("Reason")).toHaveAccessibleDescription(/This field is required\./);
    await correct.getByLabel("Reason").fill("银行回单金额为 130 万元");
    await correct.getByRole("button", { name: "Save correction" }).click();
    await expect(page.getByText("Tranche corrected")).toBeVisible();
    await expect(correct).toBeHidden();
    await expect(tranche).toContainText("CNY 1,300.00 thousand");

    await tranche.getByRole("button", { name: /^Delete the tranche of / }).click();
    const remove = page.getByRole("dialog", { name: /^Delete the tranche of / });
    await remove.getByLabel("Reason").fill("重复登记");
    await remove.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(page.getByText("Tranche deleted")).toBeVisible();
    await expect(section.getByRole("listitem").filter({ hasText: note })).toHaveCount(0);
  });
});

test("two managers correct one tranche at once: the second sees the first's values beside theirs and keeps what they typed", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageStatePath("manager") });
  try {
    const note = `E2E 冲突 ${unique()}`;
    const first = await ctx.newPage();
    await first.goto(`/projects/${signed}`);
    await funds(first).getByLabel("Amount").fill("100");
    await funds(first).getByLabel("Note").fill(note);
    await funds(first).getByRole("button", { name: "Add tranche" }).click();
    await expect(first.getByText("Tranche added")).toBeVisible();
    const second = await ctx.newPage();
    await second.goto(`/projects/${signed}`);

    const open = async (page: Page) => {
      await funds(page).getByRole("listitem").filter({ hasText: note }).getByRole("button", { name: /^Correct the tranche of / }).click();
      return page.getByRole("dialog", { name: /^Correct the tranche of / });
    };
    const theirs = await open(first);
    const mine = await open(second);
    await theirs.getByLabel("Amount").fill("140");
    await theirs.getByLabel("Reason").fill("银行回单为 140 万元");
    await theirs.getByRole("button", { name: "Save correction" }).click();
    await expect(first.getByText("Tranche corrected")).toBeVisible();

    await mine.getByLabel("Amount").fill("150");
    await mine.getByLabel("Reason").fill("合同约定首期 150 万元");
    await mine.getByRole("button", { name: "Save correction" }).click();
    const panel = mine.getByRole("alert").filter({ hasText: "Someone else corrected this tranche" });
    await expect(panel.getByRole("row", { name: /^Amount/ }).getByRole("cell")).toHaveText(["140", "150"]);
    await panel.getByRole("button", { name: "Keep my edits" }).click();
    await expect(mine.getByLabel("Amount")).toHaveValue("150");
    await expect(mine.getByLabel("Reason")).toHaveValue("合同约定首期 150 万元");
    await mine.getByRole("button", { name: "Save correction" }).click();
    await expect(second.getByText("Tranche corrected")).toBeVisible();
    await expect(funds(second).getByRole("listitem").filter({ hasText: note })).toContainText("CNY 1,500.00 thousand");
  } finally {
    await ctx.close();
  }
});

test.describe("as NEV staff", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("may add funds to the team's signed project but not correct or delete them", async ({ page }) => {
    await page.goto(`/projects/${seededId("project:zq-cathode")}`);
    await expect(funds(page).getByRole("listitem")).not.toHaveCount(0);
    await expect(funds(page).getByRole("button", { name: "Add tranche" })).toBeVisible();
    await expect(funds(page).getByRole("button", { name: /^(Correct|Delete) the tranche of / })).toHaveCount(0);
  });
});
