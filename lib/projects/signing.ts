import "server-only";
import type { FieldErrors } from "@/lib/action-core";
import { ActionError } from "@/lib/errors";
import { shanghaiDay } from "@/lib/time";
import { type AmountUnit, toYuan } from "@/lib/money";

/** A signing as stored: the day, the amount in yuan of `currency` (exact decimal text). */
export interface Signing {
  signedOn: string;
  signedAmount: string;
  signedCurrency: string;
}

interface Typed {
  signedOn?: string;
  amount?: string;
  unit: AmountUnit;
}

/**
 * Reads what a signing needs — a day not after today (Asia/Shanghai) and an amount above zero —
 * in stored form. What is missing or wrong goes into `errors` under the fields named in `fields`
 * (the move dialog's or the project form's) and the answer is null, so the caller can report it
 * together with its own checks.
 */
export function readSigning(typed: Typed, currency: string, fields: { day: string; amount: string }, errors: FieldErrors, today = shanghaiDay()): Signing | null {
  const day = typed.signedOn;
  if (!day) errors[fields.day] = ["projectRules.signedOnRequired"];
  else if (day > today) errors[fields.day] = ["projectRules.signedOnFuture"];
  const amount = typed.amount ? toYuan(typed.amount, typed.unit) : null;
  if (amount === null) errors[fields.amount] = ["projectRules.signedAmountRequired"];
  else if (!/[1-9]/.test(amount)) errors[fields.amount] = ["projectRules.positiveAmount"];
  if (!day || day > today || amount === null || !/[1-9]/.test(amount)) return null;
  return { signedOn: day, signedAmount: amount, signedCurrency: currency };
}

/** Refuses with every collected field error at once; does nothing when there are none. */
export function throwFieldErrors(errors: FieldErrors) {
  if (Object.keys(errors).length > 0) throw new ActionError("invalid", errors);
}

/** The project columns a signing sets: its signing day, and the signed amount as the planned one. */
export const signingColumns = (s: Signing) => ({ signedOn: s.signedOn, plannedAmount: s.signedAmount, currency: s.signedCurrency });
