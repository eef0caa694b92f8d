import { expect, test as setup } from "@playwright/test";
import { type Persona, signIn, storageStatePath } from "./support";

// Each role signs in once through the identity provider; specs reuse the saved session.
// staff2 and manager2 are the other team (storage): the access matrix needs them.
const PERSONAS = ["viewer", "staff", "staff2", "manager", "manager2", "admin"] as const satisfies readonly Persona[];

for (const persona of PERSONAS) {
  setup(`sign in as ${persona}`, async ({ page }) => {
    await signIn(page, persona);
    await expect(page).toHaveURL(/\/enterprises$/);
    await page.context().storageState({ path: storageStatePath(persona) });
  });
}
