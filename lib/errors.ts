/**
 * Errors the data-access layer throws on purpose. The action wrapper turns them into
 * the typed result users see; anything else is logged and shown as a generic failure.
 */
export class ActionError extends Error {
  constructor(
    /** A message key under "errors." in the catalogues. */
    readonly key: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Data the form needs to explain the refusal (the other person's version, candidate duplicates). */
    readonly details?: unknown,
  ) {
    super(key);
    this.name = "ActionError";
  }
}

/** Not signed in, or the session ended. */
export class UnauthenticatedError extends ActionError {
  constructor() {
    super("unauthenticated");
  }
}

/** The role may not do this at all. */
export class ForbiddenError extends ActionError {
  constructor() {
    super("forbidden");
  }
}

/** Missing, deleted, or not visible to the caller: the same answer, so existence is not revealed. */
export class NotFoundError extends ActionError {
  constructor() {
    super("notFound");
  }
}

/** Someone else saved the record since the caller loaded it. */
export class ConflictError extends ActionError {
  /** `current` is the record as the other person saved it, in the same shape the form edits. */
  constructor(current?: unknown) {
    super("conflict", undefined, current === undefined ? undefined : { current });
  }
}

/** A field-level rule the schema cannot express (e.g. uniqueness). Keys are catalogue keys. */
export class FieldError extends ActionError {
  constructor(field: string, key: string) {
    super("invalid", { [field]: [key] });
  }
}

interface PgErrorShape {
  code?: string;
  constraint?: string;
  constraint_name?: string;
}

/** The PostgreSQL error under drizzle's wrapper, from either driver. */
export function pgError(e: unknown): { code?: string; constraint?: string } | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const shape = cur as PgErrorShape;
    if (typeof shape.code === "string" && /^[0-9A-Z]{5}$/.test(shape.code)) {
      return { code: shape.code, constraint: shape.constraint ?? shape.constraint_name };
    }
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
