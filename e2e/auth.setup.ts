import { expect, test as setup } from "@playwright/test";
import { type Persona, signIn, storageStatePath } from "./support";

// Each role signs in once through the identity provider; specs reuse the saved session.
for (const persona of ["viewer", "staff", "manager"] as const satisfies readonly Persona[]) {
  setup(`sign in as ${persona}`, async ({ page }) => {
    await signIn(page, persona);
    await expect(page).toHaveURL(/\/enterprises$/);
    await page.context().storageState({ path: storageStatePath(persona) });
  });
}
