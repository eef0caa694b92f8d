import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { fundTranches, type Stage } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { FieldError, NotFoundError } from "@/lib/errors";
import { shanghaiDay } from "@/lib/time";
import { type AmountUnit, fromYuan, toYuan } from "@/lib/money";
import { lockProject } from "./records";
import { canVerify, stageIndex } from "./stages";

/** Funds arrive under a contract: a project records tranches from 签约 on, never as a lead or in talks. */
export const fundsMayArrive = (stage: Stage) => stageIndex(stage) >= stageIndex("signed");

/** The day and amount of a tranche as typed, checked and in yuan of its currency. */
export function trancheValues(input: { receivedOn: string; amount: string; unit: AmountUnit }) {
  if (input.receivedOn > shanghaiDay()) throw new FieldError("receivedOn", "projectRules.futureDate");
  const amount = toYuan(input.amount, input.unit);
  if (!/[1-9]/.test(amount)) throw new FieldError("amount", "projectRules.positiveAmount");
  return { receivedOn: input.receivedOn, amount };
}

/**
 * Loads a live tranche for correction or deletion, with its project, both locked until the
 * transaction ends. A tranche of a project the caller cannot see answers exactly as one that
 * does not exist; a visible one may be changed only by a manager of the project's team or an admin.
 */
export async function lockTrancheForCorrection(tx: Tx, viewer: Viewer, id: string) {
  const [found] = await tx.select({ projectId: fundTranches.projectId }).from(fundTranches).where(and(eq(fundTranches.id, id), isNull(fundTranches.deletedAt)));
  if (!found) throw new NotFoundError();
  const project = await lockProject(tx, viewer, found.projectId, (p) => canVerify(viewer, p));
  const [tranche] = await tx.select().from(fundTranches).where(and(eq(fundTranches.id, id), isNull(fundTranches.deletedAt))).for("update");
  if (!tranche) throw new NotFoundError();
  return { project, tranche };
}

/**
 * A tranche as its correction form shows it: the amount in the unit it reads best in, and an
 * empty reason (each correction gives its own).
 */
export function trancheFormValues(t: { receivedOn: string; amount: string; currency: string; note: string | null }) {
  return { receivedOn: t.receivedOn, ...fromYuan(t.amount), currency: t.currency, note: t.note ?? "", reason: "" };
}
export type TrancheFormValues = ReturnType<typeof trancheFormValues>;

