"use server";

import { revalidatePath } from "next/cache";
import { contacts, enterprises } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { refreshEnterpriseSearch } from "@/lib/enterprises/search-index";
import { lockForEdit } from "@/lib/records";
import { addContactInput } from "../schema";

/** Adds a person to an enterprise the caller may edit; contact names are searchable, so the index follows. */
export const addContact = action({
  name: "contact.add",
  input: addContactInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockForEdit(tx, enterprises, input.enterpriseId, viewer),
  async run({ viewer, input, tx }) {
    const [row] = await tx
      .insert(contacts)
      .values({ ...input, createdBy: viewer.id, updatedBy: viewer.id })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await refreshEnterpriseSearch(tx, [input.enterpriseId]);
    return {
      data: { id: row.id, enterpriseId: row.enterpriseId },
      audit: [{ entityType: "contact", entityId: row.id, before: null, after: row }],
    };
  },
  after({ enterpriseId }) {
    revalidatePath(`/enterprises/${enterpriseId}`);
  },
});
