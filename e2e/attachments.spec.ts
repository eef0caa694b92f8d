import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support";

/** The seed's deterministic ids (db/seed.ts stableId), without importing the seeding code. */
function seededId(key: string) {
  const h = createHash("sha1").update(`landfall-seed:${key}`).digest("hex");
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

// A visit of the NEV team, logged by its staff member.
const visit = seededId("visit:lishui-kaiwo");
const PHOTO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAsTj2FAAAAABJRU5ErkJggg==", "base64");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("on a 390 px phone a photo attached to a visit shows on the visit, and a file that is not a photo or PDF is refused", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("staff"), viewport: { width: 390, height: 844 }, hasTouch: true });
  try {
    const page = await context.newPage();
    await page.goto(`/visits/${visit}`);
    const files = page.getByRole("region", { name: /^Files/ });
    const name = `现场照片-${unique()}.png`;

    // A text file named like a photo is refused at the field, and nothing is added.
    await files.getByLabel("Add a file").setInputFiles({ name: "合同.png", mimeType: "image/png", buffer: Buffer.from("not a picture") });
    await files.getByRole("button", { name: "Upload" }).click();
    await expect(files.getByLabel("Add a file")).toHaveAttribute("aria-invalid", "true");
    await expect(files.getByRole("img", { name: /合同/ })).toHaveCount(0);

    await files.getByLabel("Add a file").setInputFiles({ name, mimeType: "image/png", buffer: PHOTO });
    await files.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("File added")).toBeVisible();
    const photo = files.getByRole("img", { name: `Photo: ${name}` });
    await expect(photo).toBeVisible();
    // The picture itself loaded from the app, not a broken image.
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    // Served under a safe name, as the checked type.
    const href = await files.getByRole("link").filter({ hasText: name }).getAttribute("href");
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("image/png");
    expect(download.headers()["content-disposition"]).toBe('attachment; filename="attachment.png"');

    // A viewer sees the photo but may not add or remove files.
    const viewer = await browser.newContext({ storageState: storageStatePath("viewer") });
    const theirs = await viewer.newPage();
    await theirs.goto(`/visits/${visit}`);
    await expect(theirs.getByRole("img", { name: `Photo: ${name}` })).toBeVisible();
    await expect(theirs.getByLabel("Add a file")).toHaveCount(0);
    await viewer.close();

    await files.getByRole("button", { name: `Remove ${name}` }).click();
    await expect(page.getByText("File removed")).toBeVisible();
    await expect(files.getByRole("img", { name: `Photo: ${name}` })).toHaveCount(0);
    expect((await page.request.get(href!)).status()).toBe(404);
  } finally {
    await context.close();
  }
});
