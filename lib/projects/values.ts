import type { z } from "zod";
import type { Project } from "@/db/schema";
import { fromYuan, toYuan } from "@/lib/money";
import type { createProjectInput } from "./schema";

type Fields = Omit<z.output<typeof createProjectInput>, "enterpriseId" | "stage" | "ownerId" | "teamId">;

/** Columns saved from the form; an emptied field is saved as null, never left as it was. */
export function projectColumns(input: Fields) {
  return {
    name: input.name,
    chainNodeId: input.chainNodeId ?? null,
    plannedAmount: input.plannedAmount ? toYuan(input.plannedAmount, input.plannedUnit) : null,
    currency: input.currency,
    expectedJobs: input.expectedJobs ?? null,
    landMu: input.landMu ?? null,
    sourceEventId: input.sourceEventId ?? null,
    sourceDelegationId: input.sourceDelegationId ?? null,
    confidential: input.confidential,
    description: input.description ?? null,
  };
}

/** The edit form's starting values, as the strings its inputs hold. */
export function projectFormValues(p: Project) {
  const amount = p.plannedAmount ? fromYuan(p.plannedAmount) : { amount: "", unit: "wan" as const };
  return {
    name: p.name,
    chainNodeId: p.chainNodeId ?? "",
    plannedAmount: amount.amount,
    plannedUnit: amount.unit,
    currency: p.currency,
    expectedJobs: p.expectedJobs === null ? "" : String(p.expectedJobs),
    landMu: p.landMu ?? "",
    ownerId: p.ownerId ?? "",
    teamId: p.teamId ?? "",
    sourceEventId: p.sourceEventId ?? "",
    sourceDelegationId: p.sourceDelegationId ?? "",
    confidential: p.confidential,
    description: p.description ?? "",
    status: p.status,
    lostReason: p.lostReason ?? "",
  };
}
export type ProjectFormValues = ReturnType<typeof projectFormValues>;
