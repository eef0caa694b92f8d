import type { z } from "zod";
import type { Db, Tx } from "@/db";
import type { Role } from "@/db/enums";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import { type AuditSpec, writeAudit } from "./audit";
import { ActionError, pgError } from "./errors";
import { announceReferenceChange, REFERENCE_ENTITIES, referenceChanged } from "./reference/cache";
import { notifyFromAudit } from "./notifications/derive";
import { updateSearchEntries } from "./search/entries";

export type FieldErrors = Record<string, string[]>;

/** What every server action answers: data, or a message and errors per field. Never a stack or SQL. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: FieldErrors; details?: unknown };

export interface ActionContext<I> {
  viewer: Viewer;
  input: I;
  tx: Tx;
}

/** What `run` sees: the parsed input and the record `load` handed over. */
export interface RunContext<I, R> extends ActionContext<I> {
  record: R;
}

export interface ActionDefinition<S extends z.ZodType, T, R = unknown> {
  /** Audit action name, e.g. "enterprise.create". */
  name: string;
  input: S;
  /** Role gate checked before any input is read. */
  minRole: Role;
  /**
   * Who may do this to what: inside the transaction, after parsing, finds the record the caller
   * changes (or the parent they attach to), locks it and checks their right to it; throws
   * NotFoundError, ForbiddenError or FieldError. An action on no existing record says `noRecord`.
   */
  load: (ctx: ActionContext<z.output<S>>) => Promise<R>;
  /** The write, on the record `load` returned. Its audit entries are mandatory and written in the same transaction. */
  run: (ctx: RunContext<z.output<S>, R>) => Promise<{ data: T; audit: AuditSpec[] }>;
  /** Outside the transaction, after commit: revalidation, redirects, cookies. */
  after?: (data: T, viewer: Viewer) => void | Promise<void>;
}

/**
 * The `load` of an action on no existing record: a create owned by the caller, their own
 * settings, views or session. Naming it keeps the choice visible in the definition.
 */
export async function noRecord(): Promise<null> {
  return null;
}

/** Looks a catalogue key up, e.g. "errors.forbidden"; the caller binds the locale. */
export type Translate = (key: string) => string;

export interface ActionRuntime {
  viewer: Viewer | null;
  db: Db;
  t: Translate;
}

/** FormData is strings: keys repeated in the form become arrays, React's own fields are dropped. */
export function formToObject(payload: unknown): unknown {
  if (!(payload instanceof FormData)) return payload;
  const out: Record<string, unknown> = {};
  for (const [key, value] of payload.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

const ISSUE_KEYS: Record<string, string> = {
  invalid_type: "validation.invalid",
  too_big: "validation.tooLong",
  too_small: "validation.required",
  invalid_format: "validation.invalid",
  invalid_value: "validation.invalid",
  unrecognized_keys: "validation.invalid",
};

function translateIssues(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    const key = issue.message.startsWith("validation.") ? issue.message : (ISSUE_KEYS[issue.code] ?? "validation.invalid");
    (out[field] ??= []).push(t(key));
  }
  return out;
}

function translateFieldErrors(errors: FieldErrors | undefined, t: Translate): FieldErrors | undefined {
  if (!errors) return undefined;
  return Object.fromEntries(Object.entries(errors).map(([field, keys]) => [field, keys.map((k) => t(k))]));
}

/**
 * authenticate → role gate → zod-parse → load the record (lock, check) → run in a transaction → audit.
 * The one path every write takes; `lib/action.ts` binds it to the request.
 */
export async function runAction<S extends z.ZodType, T, R>(
  def: ActionDefinition<S, T, R>,
  rt: ActionRuntime,
  payload: unknown,
): Promise<ActionResult<T>> {
  const { viewer, t } = rt;
  // The type requires it; a definition built around the type (a cast, plain JavaScript) is refused whole.
  if (typeof (def as { load?: unknown }).load !== "function") {
    console.error(`[action ${def.name}] has no load step: refused`);
    return { ok: false, message: t("errors.unexpected") };
  }
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  if (!atLeast(viewer.role, def.minRole)) return { ok: false, message: t("errors.forbidden") };

  const parsed = def.input.safeParse(formToObject(payload));
  if (!parsed.success) {
    return { ok: false, message: t("errors.invalid"), fieldErrors: translateIssues(parsed.error, t) };
  }

  try {
    let changesReference = false;
    const data = await rt.db.transaction(async (tx) => {
      const ctx: ActionContext<z.output<S>> = { viewer, input: parsed.data, tx };
      const record = await def.load(ctx);
      const { data, audit } = await def.run({ ...ctx, record });
      await writeAudit(tx, viewer.id, def.name, audit);
      await updateSearchEntries(tx, audit);
      await notifyFromAudit(tx, viewer, def.name, audit);
      changesReference = audit.some((a) => REFERENCE_ENTITIES.has(a.entityType));
      // Other instances hear of it when this commits.
      if (changesReference) await announceReferenceChange(tx);
      return data;
    });
    // After the commit, so no request can read and keep the old rows again.
    if (changesReference) referenceChanged();
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ActionError) {
      return {
        ok: false,
        message: t(`errors.${error.key}`),
        fieldErrors: translateFieldErrors(error.fieldErrors, t),
        ...(error.details === undefined ? {} : { details: error.details }),
      };
    }
    // A serialisation failure or deadlock is another writer winning the race.
    const code = pgError(error)?.code;
    if (code === "40001" || code === "40P01") return { ok: false, message: t("errors.conflict") };
    // A value the schema let through but the column refuses (out of range, bad encoding, a
    // reference to a row that does not exist): the caller's input, not a fault of ours.
    if (code?.startsWith("22") || code === "23503") {
      console.warn(`[action ${def.name}] refused by the database: ${code}`);
      return { ok: false, message: t("errors.invalid") };
    }
    console.error(`[action ${def.name}] failed`, error);
    return { ok: false, message: t("errors.unexpected") };
  }
}
