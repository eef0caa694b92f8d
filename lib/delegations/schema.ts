import { z } from "zod";
import { DELEGATION_DIRECTIONS } from "@/db/enums";
import { TIME_ZONE } from "@/lib/time";
import { optionalId, optionalPhone, optionalText, requiredText, uuidParam, versionField } from "@/lib/validation";
import { STOP_TIME_ZONES } from "./time-zones";

const day = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ error: "validation.required" }));
const clock = z.preprocess((v) => (v === "" ? undefined : v), z.string({ error: "validation.required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "validation.invalid" }));

const delegationFields = z.object({
  direction: z.enum(DELEGATION_DIRECTIONS, { error: "validation.required" }),
  name: requiredText(300),
  leaderName: optionalText(200),
  leaderTitle: optionalText(200),
  destination: optionalText(200),
  startsOn: day,
  endsOn: day,
  purpose: optionalText(4000),
});

// Rules across fields (dates in order, who a member is, where a stop is) are checked in the
// actions with FieldError, so the person reads the rule itself rather than "not valid".
export const createDelegationInput = delegationFields;
export const updateDelegationInput = delegationFields.extend({ id: uuidParam, version: versionField });
export const deleteDelegationInput = z.object({ id: uuidParam, version: versionField });

/** What the edit form shows: every field as text, as the inputs hold it. */
export interface DelegationFormValues {
  direction: (typeof DELEGATION_DIRECTIONS)[number];
  name: string;
  leaderName: string;
  leaderTitle: string;
  destination: string;
  startsOn: string;
  endsOn: string;
  purpose: string;
}

/** Our staff by user id, or an outsider by name (and organisation). */
export const addMemberInput = z.object({ delegationId: uuidParam, userId: optionalId, name: optionalText(200), organisation: optionalText(200), title: optionalText(200) });
export const removeMemberInput = z.object({ id: uuidParam });

export const linkEnterpriseInput = z.object({ delegationId: uuidParam, enterpriseId: uuidParam, role: requiredText(100) });
export const unlinkEnterpriseInput = z.object({ id: uuidParam });

/** The stop's zone, one the form offers; left out (older callers, the bureau's own trips) it is the bureau's. */
const stopZone = z.preprocess((v) => (v === "" || v === undefined ? TIME_ZONE : v), z.enum(STOP_TIME_ZONES, { error: "validation.invalid" }));

/** Day and time are the wall clock at the stop, in its zone. */
const stopFields = z.object({
  date: day,
  time: clock,
  timeZone: stopZone,
  place: optionalText(300),
  enterpriseId: optionalId,
  eventId: optionalId,
  contactName: optionalText(100),
  contactPhone: optionalPhone(50),
  note: optionalText(2000),
});
export const addStopInput = stopFields.extend({ delegationId: uuidParam });
export const updateStopInput = stopFields.extend({ id: uuidParam, version: versionField });
export const stopRefInput = z.object({ id: uuidParam });
export const moveStopInput = z.object({ id: uuidParam, direction: z.enum(["up", "down"], { error: "validation.invalid" }) });
