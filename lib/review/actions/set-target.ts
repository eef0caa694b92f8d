"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { targets, teams } from "@/db/schema";
import { LEAD_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError, FieldError, ForbiddenError } from "@/lib/errors";
import { AMOUNT_PATTERN, toYuan } from "@/lib/money";
import { amountUnit } from "@/lib/money-fields";
import { updateVersioned } from "@/lib/records";
import { uuidParam } from "@/lib/validation";
import { targetFormValues } from "../target-values";

const amount = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || undefined : v),
  z.string({ error: "validation.required" }).max(30, { error: "validation.tooLong" }).regex(AMOUNT_PATTERN, { error: "validation.invalid" }),
);
const count = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.coerce.number({ error: "validation.required" }).int({ error: "validation.invalid" }).min(0, { error: "validation.invalid" }).max(100_000, { error: "validation.invalid" }),
);

const setTargetInput = z.object({
  year: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(2000, { error: "validation.invalid" }).max(2100, { error: "validation.invalid" }),
  teamId: uuidParam,
  // 0 when the form was opened on a year without a target yet.
  version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(0, { error: "validation.invalid" }),
  signedAmount: amount,
  signedUnit: amountUnit,
  fundsInPlace: amount,
  fundsUnit: amountUnit,
  projectsSigned: count,
  projectsStarted: count,
});

/** Creates or updates one team's target for one year. Managers set their own team's; admins any. */
export const setTarget = action({
  name: "target.set",
  input: setTargetInput,
  minRole: LEAD_ROLE,
  /** The team's target for the year, locked, or undefined when it has none yet: one's own team's, any for admins. */
  async load({ viewer, input, tx }) {
    if (viewer.role !== "admin" && input.teamId !== viewer.teamId) throw new ForbiddenError();
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
    if (!team) throw new FieldError("teamId", "validation.invalid");
    const [target] = await tx.select().from(targets).where(and(eq(targets.year, input.year), eq(targets.teamId, input.teamId))).for("update");
    return target;
  },
  async run({ viewer, input, tx, record: current }) {
    const values = {
      signedAmount: toYuan(input.signedAmount, input.signedUnit),
      fundsInPlace: toYuan(input.fundsInPlace, input.fundsUnit),
      projectsSigned: input.projectsSigned,
      projectsStarted: input.projectsStarted,
    };
    if (!current) {
      // Someone else's new row would have been found above; a version means the form saw one that is gone.
      if (input.version !== 0) throw new ConflictError();
      const [row] = await tx
        .insert(targets)
        .values({ year: input.year, teamId: input.teamId, ...values, createdBy: viewer.id, updatedBy: viewer.id })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new ConflictError();
      return { data: { id: row.id, version: row.version }, audit: [{ entityType: "target", entityId: row.id, before: null, after: row }] };
    }
    // Stale (or opened before someone else set the year's first target): their figures go back,
    // for the form to show beside the typed ones.
    if (current.version !== input.version) throw new ConflictError(await savedVersion(tx, current, targetFormValues(current)));
    const row = await updateVersioned(tx, targets, current, input.version, { ...values, deletedAt: null }, viewer);
    return { data: { id: row.id, version: row.version }, audit: [{ entityType: "target", entityId: row.id, before: current, after: row }] };
  },
  after() {
    revalidatePath("/review/targets");
    revalidatePath("/review");
  },
});
