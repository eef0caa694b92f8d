import { z } from "zod";
import { EVENT_KINDS, PARTICIPANT_ROLES } from "@/db/enums";
import { enterpriseInput } from "@/lib/enterprises/schema";
import { FieldError } from "@/lib/errors";
import { optionalText, uuidParam, versionField } from "@/lib/validation";

/** A calendar day as the form sends it; stored as a date string, so no time zone can shift it. */
const day = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.invalid" })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: "validation.invalid",
    }),
);

const eventFields = z.object({
  kind: z.enum(EVENT_KINDS, { error: "validation.required" }),
  nameZh: optionalText(200),
  nameEn: optionalText(200),
  startsOn: day,
  endsOn: day,
  city: optionalText(100),
  venue: optionalText(200),
  host: optionalText(200),
  description: optionalText(4000),
});

const named = (v: { nameZh?: string; nameEn?: string }) => Boolean(v.nameZh || v.nameEn);
const NAME_RULE = { path: ["nameZh"], error: "validation.nameRequired" };

/** One schema for the form and the action: FormData strings in, clean values out. */
export const eventInput = eventFields.refine(named, NAME_RULE);
export type EventInput = z.output<typeof eventInput>;

export const updateEventInput = eventFields
  .extend({ id: uuidParam, version: versionField })
  .refine(named, NAME_RULE);

/**
 * The end may not precede the start; the message sits on the end field. Checked after the
 * schema because only "validation.*" keys can come out of zod, and this one is the events'.
 * ISO dates compare correctly as strings.
 */
export function checkEventDates(v: { startsOn: string; endsOn: string }) {
  if (v.endsOn < v.startsOn) throw new FieldError("endsOn", "events.validation.endsBeforeStart");
}

export const deleteEventInput = z.object({ id: uuidParam, version: versionField });

export const participantRole = z.enum(PARTICIPANT_ROLES, { error: "validation.invalid" });
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A participant row: an existing enterprise, or a new one created on the spot. */
const participantRow = z
  .object({
    enterpriseId: uuidParam.optional(),
    newEnterprise: enterpriseInput.optional(),
    role: participantRole,
    // "Add anyway" after the similar-name warning.
    confirmSimilar: z.preprocess((v) => v === "1" || v === true, z.boolean()),
  })
  .refine((r) => Boolean(r.enterpriseId) !== Boolean(r.newEnterprise), { path: ["enterpriseId"], error: "validation.required" });

export const MAX_PARTICIPANTS_AT_ONCE = 200;

export const addParticipantsInput = z.object({
  eventId: uuidParam,
  rows: z
    .array(participantRow, { error: "validation.invalid" })
    .min(1, { error: "validation.required" })
    .max(MAX_PARTICIPANTS_AT_ONCE, { error: "validation.tooLong" }),
});
export type AddParticipantsInput = z.input<typeof addParticipantsInput>;

export const updateParticipantRoleInput = z.object({ id: uuidParam, role: participantRole });

export const removeParticipantInput = z.object({ id: uuidParam });

/** List filters kept in the URL: ?kind=forum&year=2026&after=<cursor>. */
/** How the events list is ordered: newest first, or by what each event produced (most first). */
export const EVENT_SORTS = ["date", "participants", "projects", "signed"] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export const eventFilters = z.object({
  kind: z.enum(EVENT_KINDS).optional().catch(undefined),
  sort: z.enum(EVENT_SORTS).optional().catch(undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  after: z.string().max(400).optional().catch(undefined),
});
export type EventFilters = z.output<typeof eventFilters>;
