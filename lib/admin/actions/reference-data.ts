"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { exchangeRates, teams } from "@/db/schema";
import { ADMIN_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError, FieldError } from "@/lib/errors";
import { CURRENCIES } from "@/lib/money";
import { updateVersioned } from "@/lib/records";
import { lockTeamForEdit } from "@/lib/admin/lock-team";
import { requiredText, uuidParam } from "@/lib/validation";

const version = z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "validation.invalid" });
const code = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v),
  z.string({ error: "validation.required" }).max(40, { error: "validation.tooLong" }).regex(/^[a-z0-9][a-z0-9.-]*$/, { error: "validation.invalid" }),
);
const names = { nameZh: requiredText(100), nameEn: requiredText(100) };
// CNY per unit, up to 10 integer and 8 decimal digits (numeric(18, 8)); never parsed to a float.
const rate = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z.string({ error: "validation.required" }).regex(/^\d{1,10}(?:\.\d{1,8})?$/, { error: "validation.invalid" }).refine((s) => /[1-9]/.test(s), { error: "validation.invalid" }),
);

export const createTeam = action({
  name: "team.create",
  input: z.object({ code, ...names }),
  minRole: ADMIN_ROLE,
  load: noRecord,
  async run({ viewer, input, tx }) {
    const [row] = await tx.insert(teams).values({ ...input, createdBy: viewer.id, updatedBy: viewer.id }).onConflictDoNothing().returning();
    if (!row) throw new FieldError("code", "adminRules.codeTaken");
    return { data: { id: row.id }, audit: [{ entityType: "team", entityId: row.id, before: null, after: row }] };
  },
  after() {
    revalidatePath("/admin/teams");
  },
});

export const renameTeam = action({
  name: "team.rename",
  input: z.object({ id: uuidParam, version, ...names }),
  minRole: ADMIN_ROLE,
  load: ({ input, tx }) => lockTeamForEdit(tx, input.id),
  async run({ viewer, input, tx, record: before }) {
    // Stale: the names the other person saved go back, for the form to show beside the typed ones.
    if (before.version !== input.version) throw new ConflictError(await savedVersion(tx, before, { nameZh: before.nameZh, nameEn: before.nameEn }));
    const after = await updateVersioned(tx, teams, before, input.version, { nameZh: input.nameZh, nameEn: input.nameEn }, viewer);
    return { data: { id: after.id }, audit: [{ entityType: "team", entityId: after.id, before, after }] };
  },
  after() {
    revalidatePath("/admin/teams");
  },
});

/** A rate valid from a day on; earlier rates stay for converting older amounts. */
export const createExchangeRate = action({
  name: "exchangeRate.create",
  input: z.object({
    currency: z.enum(CURRENCIES.filter((c) => c !== "CNY") as [string, ...string[]], { error: "validation.invalid" }),
    validFrom: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "validation.required" })),
    rateToCny: rate,
  }),
  minRole: ADMIN_ROLE,
  load: noRecord,
  async run({ viewer, input, tx }) {
    const [row] = await tx.insert(exchangeRates).values({ ...input, createdBy: viewer.id, updatedBy: viewer.id }).onConflictDoNothing().returning();
    // The same currency and day already has a rate: one rate per day.
    if (!row) throw new FieldError("validFrom", "adminRules.rateTaken");
    return { data: { id: row.id }, audit: [{ entityType: "exchange_rate", entityId: row.id, before: null, after: row }] };
  },
  after() {
    revalidatePath("/admin/rates");
  },
});
