"use server";

import { revalidatePath } from "next/cache";
import { contacts } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { refreshEnterpriseSearch } from "@/lib/enterprises/search-index";
import { ConflictError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { lockContactForEdit } from "../records";
import { CONTACT_FORM_FIELDS, contactFormValues } from "../form";
import { updateContactInput } from "../schema";

/** Saves the contact form over the version the editor loaded; a stale one is a conflict. */
export const updateContact = action({
  name: "contact.update",
  input: updateContactInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockContactForEdit(tx, input.id, viewer),
  async run({ viewer, input: { version, ...input }, tx, record: { contact } }) {
    if (contact.version !== version) throw new ConflictError(await savedVersion(tx, contact, contactFormValues(contact)));
    // An emptied field is saved as null: undefined would leave the old value in place.
    const values = Object.fromEntries(CONTACT_FORM_FIELDS.map((f) => [f, input[f] ?? null]));
    const row = await updateVersioned(tx, contacts, contact, version, { ...values, name: input.name }, viewer);
    if (row.name !== contact.name) await refreshEnterpriseSearch(tx, [row.enterpriseId]);
    return {
      data: { id: row.id, enterpriseId: row.enterpriseId, version: row.version },
      audit: [{ entityType: "contact", entityId: row.id, before: contact, after: row }],
    };
  },
  after({ enterpriseId }) {
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
