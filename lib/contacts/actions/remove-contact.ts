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
import { contactFormValues } from "../form";
import { removeContactInput } from "../schema";

/**
 * Soft delete: the row stays for the audit trail and for visits that name this person, but
 * leaves the page and the search index. Removing a version someone has since edited is a conflict.
 */
export const removeContact = action({
  name: "contact.remove",
  input: removeContactInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockContactForEdit(tx, input.id, viewer),
  async run({ viewer, input: { version }, tx, record: { contact } }) {
    if (contact.version !== version) throw new ConflictError(await savedVersion(tx, contact, contactFormValues(contact)));
    const row = await updateVersioned(tx, contacts, contact, version, { deletedAt: new Date() }, viewer);
    await refreshEnterpriseSearch(tx, [row.enterpriseId]);
    return {
      data: { id: row.id, enterpriseId: row.enterpriseId },
      audit: [{ entityType: "contact", entityId: row.id, before: contact, after: row }],
    };
  },
  after({ enterpriseId }) {
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
