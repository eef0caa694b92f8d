"use server";

import { revalidatePath } from "next/cache";
import { enterprises } from "@/db/schema";
import { WRITE_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { FieldError, pgError } from "@/lib/errors";
import { insertOwned } from "@/lib/records";
import { confirmSimilarField, guardDuplicates } from "../duplicate-guard";
import { enterpriseInput } from "../schema";
import { searchColumns } from "../search-index";

export const createEnterprise = action({
  name: "enterprise.create",
  input: enterpriseInput.safeExtend({ confirmSimilar: confirmSimilarField }),
  minRole: WRITE_ROLE,
  load: noRecord,
  async run({ viewer, input: { confirmSimilar, ...input }, tx }) {
    await guardDuplicates(tx, input, { confirmSimilar });
    try {
      const row = await insertOwned(tx, enterprises, { ...input, ...searchColumns(input) }, viewer);
      return { data: { id: row.id }, audit: [{ entityType: "enterprise", entityId: row.id, before: null, after: row }] };
    } catch (e) {
      // Two people saving the same code at once: the unique index decides.
      if (pgError(e)?.constraint === "enterprises_credit_code_key") {
        throw new FieldError("creditCode", "validation.creditCodeTaken");
      }
      throw e;
    }
  },
  after() {
    revalidatePath("/enterprises");
  },
});
