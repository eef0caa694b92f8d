"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { contacts, enterprises } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { ConflictError, FieldError, pgError } from "@/lib/errors";
import { lockForEdit, updateVersioned } from "@/lib/records";
import { uuidParam } from "@/lib/validation";
import { confirmSimilarField, guardDuplicates } from "../duplicate-guard";
import { ENTERPRISE_FORM_FIELDS, enterpriseFormValues } from "../form-values";
import { savedVersion } from "../saved-version";
import { enterpriseInput } from "../schema";
import { searchColumns } from "../search-index";

/**
 * Saves the edit form over the version the editor loaded, never over a newer one: a stale
 * version answers a conflict carrying what the other person saved.
 */
export const updateEnterprise = action({
  name: "enterprise.update",
  input: enterpriseInput.safeExtend({
    id: uuidParam,
    version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }),
    confirmSimilar: confirmSimilarField,
  }),
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockForEdit(tx, enterprises, input.id, viewer),
  async run({ viewer, input: { id, version, confirmSimilar, ...input }, tx, record: current }) {
    if (current.version !== version) {
      throw new ConflictError(await savedVersion(tx, current, enterpriseFormValues(current)));
    }
    await guardDuplicates(tx, input, { confirmSimilar, previous: current });

    // An emptied field is saved as null: undefined would leave the old value in place.
    const values = Object.fromEntries(ENTERPRISE_FORM_FIELDS.map((f) => [f, input[f] ?? null])) as {
      [K in (typeof ENTERPRISE_FORM_FIELDS)[number]]: Exclude<(typeof input)[K], undefined> | null;
    };
    const people = await tx
      .select({ name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.enterpriseId, id), isNull(contacts.deletedAt)));
    try {
      const row = await updateVersioned(
        tx,
        enterprises,
        current,
        version,
        { ...values, country: input.country, aliases: input.aliases, ...searchColumns(input, people.map((p) => p.name)) },
        viewer,
      );
      return {
        data: { id: row.id, version: row.version },
        audit: [{ entityType: "enterprise", entityId: row.id, before: current, after: row }],
      };
    } catch (e) {
      if (pgError(e)?.constraint === "enterprises_credit_code_key") {
        throw new FieldError("creditCode", "validation.creditCodeTaken");
      }
      throw e;
    }
  },
  after({ id }) {
    revalidatePath("/enterprises");
    revalidatePath(`/enterprises/${id}`);
  },
});
