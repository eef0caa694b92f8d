import { z } from "zod";
import { createFollowUpInput } from "@/lib/follow-ups/schema";
import { shanghaiInstant } from "@/lib/time";
import { optionalId, optionalText, plainString, requiredText, uuidParam, versionField } from "@/lib/validation";

// One schema for the visit form and its actions. FormData is strings: a checkbox group arrives
// as a string or an array, next steps as indexed keys (`steps.0.title`).

const asList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const idList = z.preprocess((v) => asList(v).filter((x) => x !== ""), z.array(z.uuid({ error: "validation.invalid" })).max(100, { error: "validation.tooLong" }));

/** "Someone else" names: one field, several names separated by commas, 、 or new lines. */
const nameList = z.preprocess(
  (v) =>
    asList(v)
      .flatMap((x) => (typeof x === "string" ? x.split(/[,，、;；\n]/) : [x]))
      .map((x) => (typeof x === "string" ? x.trim() : x))
      .filter((x) => x !== ""),
  z.array(plainString(200)).max(50, { error: "validation.tooLong" }),
);

/**
 * When the visit happened. The form's datetime-local value ("2026-11-21T14:30") is read as
 * the bureau's wall time (lib/time.ts); a full ISO instant is taken as it is.
 */
const occurredAt = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const s = v.trim();
    if (!s) return undefined;
    const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s);
    const at = local ? shanghaiInstant(s.slice(0, 10), s.slice(11)) : new Date(s);
    return Number.isNaN(at.getTime()) ? s : at;
  },
  z.date({ error: "validation.required" }),
);

/** A next step becomes a follow-up: the follow-up form's own rules for these fields. */
export const nextStepInput = createFollowUpInput.pick({ kind: true, title: true, dueOn: true, assigneeId: true });
export type NextStep = z.output<typeof nextStepInput>;

/** `steps.0.title`, `steps.0.kind`… → [{ title, kind }, …], in index order. */
function collectSteps(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const obj = raw as Record<string, unknown>;
  if (Array.isArray(obj.steps)) return obj;
  const rows = new Map<number, Record<string, unknown>>();
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const m = /^steps\.(\d{1,2})\.(\w+)$/.exec(key);
    if (!m) rest[key] = value;
    else {
      const index = Number(m[1]);
      rows.set(index, { ...rows.get(index), [m[2]!]: value });
    }
  }
  return { ...rest, steps: [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row) };
}

const visitFields = {
  occurredAt,
  place: optionalText(300),
  summary: requiredText(5000),
  outcome: optionalText(2000),
  ours: idList,
  theirs: idList,
  theirsNew: nameList,
};

export const logVisitInput = z.preprocess(
  collectSteps,
  z.object({
    ...visitFields,
    enterpriseId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "validation.required" })),
    stopId: optionalId,
    eventId: optionalId,
    steps: z.array(nextStepInput).max(20, { error: "validation.tooLong" }).default([]),
  }),
);
export type LogVisitInput = z.output<typeof logVisitInput>;

/** Editing a visit changes what happened and who was there; its follow-ups live on their own. */
export const updateVisitInput = z.object({ id: uuidParam, version: versionField, ...visitFields });
export type UpdateVisitInput = z.output<typeof updateVisitInput>;

export const deleteVisitInput = z.object({ id: uuidParam, version: versionField });
