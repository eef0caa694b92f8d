// A form's values as its inputs hold them, compared and merged when someone else saved the
// record first. Plain functions: the submit hook and the conflict panel share them.

/** One input's value: text or a choice, a tick box, or the ticked ids of a group of boxes. */
export type FormValue = string | boolean | readonly string[];

/** The values an edit form loads: one per input, by the input's name. */
export type FormValues<V> = { [K in keyof V]: FormValue };

export type FieldOf<V> = keyof V & string;

const text = (v: FormValue) => (typeof v === "string" ? v.trim() : "");

/** Values as the server would store them: "Acme " and "Acme" are not a difference, nor is the order of ticked boxes. */
export function sameValue(a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = [...((a as readonly string[] | undefined) ?? [])].sort();
    const y = [...((b as readonly string[] | undefined) ?? [])].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (typeof a === "boolean" || typeof b === "boolean") return Boolean(a) === Boolean(b);
  return text(a ?? "") === text(b ?? "");
}

/** A value that says nothing: an empty text, an unticked box, no ticked ids. */
export const isEmpty = (v: FormValue) => (Array.isArray(v) ? v.length === 0 : typeof v === "boolean" ? !v : text(v) === "");

/** The fields where what they saved differs from what was typed. */
export function differingFields<V extends FormValues<V>>(fields: readonly FieldOf<V>[], theirs: V, typed: V): FieldOf<V>[] {
  return fields.filter((f) => !sameValue(theirs[f], typed[f]));
}

/**
 * The typed edits replayed onto their version: a field the editor changed keeps the typed value,
 * every other field takes what they saved, so neither side's changes are lost without a choice.
 */
export function replayEdits<V extends FormValues<V>>(loaded: V, theirs: V, typed: V): V {
  const out = { ...theirs };
  for (const f of Object.keys(loaded) as FieldOf<V>[]) if (!sameValue(typed[f], loaded[f])) out[f] = typed[f];
  return out;
}

/**
 * What a submission holds for each loaded field, in the loaded value's shape: a tick box is
 * there only when ticked, a group of boxes sends every ticked id, and a text or choice the form
 * does not show (to this person, or in this state) keeps the loaded value.
 */
export function typedValues<V extends FormValues<V>>(loaded: V, data: FormData): V {
  const out = { ...loaded };
  for (const f of Object.keys(loaded) as FieldOf<V>[]) {
    const was: FormValue = loaded[f];
    const now: FormValue = typeof was === "boolean" ? data.has(f) : Array.isArray(was) ? data.getAll(f).map(String) : data.has(f) ? String(data.get(f)) : was;
    out[f] = now as V[typeof f];
  }
  return out;
}
