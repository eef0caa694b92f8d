import type { delegations } from "@/db/schema";
import type { DelegationFormValues } from "./schema";

type Delegation = typeof delegations.$inferSelect;

/** The columns the create and edit forms write. */
export function delegationColumns(input: {
  direction: Delegation["direction"];
  name: string;
  leaderName?: string;
  leaderTitle?: string;
  destination?: string;
  startsOn: string;
  endsOn: string;
  purpose?: string;
}) {
  return {
    direction: input.direction,
    name: input.name,
    leaderName: input.leaderName ?? null,
    leaderTitle: input.leaderTitle ?? null,
    destination: input.destination ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    purpose: input.purpose ?? null,
  };
}

/** A saved delegation as the edit form shows it (also sent back with a conflict). */
export function delegationFormValues(d: Delegation): DelegationFormValues {
  return {
    direction: d.direction,
    name: d.name,
    leaderName: d.leaderName ?? "",
    leaderTitle: d.leaderTitle ?? "",
    destination: d.destination ?? "",
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    purpose: d.purpose ?? "",
  };
}
