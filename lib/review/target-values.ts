import { type AmountUnit, fromYuan } from "@/lib/money";

/** What the target form shows: each amount in the largest unit that keeps it exact, counts as typed. */
export interface TargetFormValues {
  signedAmount: string;
  signedUnit: AmountUnit;
  fundsInPlace: string;
  fundsUnit: AmountUnit;
  projectsSigned: string;
  projectsStarted: string;
}

/** A year without a target yet: nothing typed, amounts in 万元. */
export const EMPTY_TARGET_FORM: TargetFormValues = { signedAmount: "", signedUnit: "wan", fundsInPlace: "", fundsUnit: "wan", projectsSigned: "", projectsStarted: "" };

/** A stored target as the form shows it; plain data, so it can cross to the browser. */
export function targetFormValues(row: { signedAmount: string; fundsInPlace: string; projectsSigned: number; projectsStarted: number }): TargetFormValues {
  const signed = fromYuan(row.signedAmount);
  const funds = fromYuan(row.fundsInPlace);
  return {
    signedAmount: signed.amount,
    signedUnit: signed.unit,
    fundsInPlace: funds.amount,
    fundsUnit: funds.unit,
    projectsSigned: String(row.projectsSigned),
    projectsStarted: String(row.projectsStarted),
  };
}
